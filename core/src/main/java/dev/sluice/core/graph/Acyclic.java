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

    /** Throws {@code DEPENDENCY_CYCLE} if the manifest has a cycle. */
    public static void check(Manifest manifest) {
        Dag.of(manifest);
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
