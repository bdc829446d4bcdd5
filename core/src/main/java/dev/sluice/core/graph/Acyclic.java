package dev.sluice.core.graph;

import dev.sluice.core.manifest.Manifest;
import dev.sluice.core.manifest.Node;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * The parse stage's cycle check. A full parse builds the graph ({@link Dag#of}, which reports any cycle as dbt
 * does). A manifest that differs from an acyclic one only in some nodes' dependencies can only have gained a cycle
 * through one of those nodes: each is looked for among its own ancestors, and only if one is found is the whole graph
 * built for the canonical message.
 */
public final class Acyclic {
    private Acyclic() {
    }

    /**
     * Throws {@code DEPENDENCY_CYCLE} if the manifest has a cycle. A depth-first walk over the nodes' dependencies
     * finds out (building the whole graph, with its sorted order, was a tenth of a cold parse of 80,000 nodes); only
     * when it finds a cycle is the graph built, for the message {@link Dag#of} gives.
     */
    public static void check(Manifest manifest) {
        if (hasCycle(manifest)) {
            Dag.of(manifest);
        }
    }

    private static final Byte WALKING = 1;
    private static final Byte DONE = 2;

    /**
     * Whether some node is its own ancestor. Only nodes have parents (sources have none, and nothing depends on an
     * exposure), so the walk follows {@code dependsOnNodes} from node to node.
     */
    private static boolean hasCycle(Manifest manifest) {
        java.util.Map<String, Byte> state = new java.util.HashMap<>(manifest.nodes.size() * 2);
        Deque<String> path = new ArrayDeque<>();
        Deque<java.util.Iterator<String>> parents = new ArrayDeque<>();
        for (Node start : manifest.nodes.values()) {
            if (state.containsKey(start.uniqueId)) {
                continue;
            }
            state.put(start.uniqueId, WALKING);
            path.push(start.uniqueId);
            parents.push(start.dependsOnNodes.iterator());
            while (!path.isEmpty()) {
                java.util.Iterator<String> next = parents.peek();
                if (!next.hasNext()) {
                    state.put(path.pop(), DONE);
                    parents.pop();
                    continue;
                }
                String parent = next.next();
                Byte seen = state.get(parent);
                if (seen == WALKING) {
                    return true;
                }
                Node node = seen == null ? manifest.nodes.get(parent) : null;
                if (node != null) {
                    state.put(parent, WALKING);
                    path.push(parent);
                    parents.push(node.dependsOnNodes.iterator());
                }
            }
        }
        return false;
    }

    /** As {@link #check}, for a manifest whose only changes from an acyclic one are the edges of {@code changed}. */
    public static void checkThrough(Manifest manifest, Collection<String> changed) {
        for (String id : changed) {
            if (isOwnAncestor(manifest, id)) {
                Dag.of(manifest); // reports the cycle, named as a full check names it
                return;
            }
        }
    }

    private static boolean isOwnAncestor(Manifest manifest, String id) {
        Node start = manifest.nodes.get(id);
        if (start == null) {
            return false;
        }
        Set<String> seen = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(start.dependsOnNodes);
        while (!pending.isEmpty()) {
            String parent = pending.pop();
            if (parent.equals(id)) {
                return true;
            }
            Node node = manifest.nodes.get(parent);
            if (node != null && seen.add(parent)) {
                pending.addAll(node.dependsOnNodes);
            }
        }
        return false;
    }
}
