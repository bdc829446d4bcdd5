package dev.sluice.core.graph;

import dev.sluice.core.manifest.Exposure;
import dev.sluice.core.manifest.Manifest;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.SourceDefinition;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The dependency graph over a manifest's nodes, sources and exposures. Edges run from a parent to the resources that
 * depend on it. Dependencies on ids the manifest does not hold (disabled or missing resources) are dropped: the parser
 * reports those, the graph only orders what exists. Immutable; building it rejects cycles.
 */
public final class Dag {
    /** Depth meaning "no limit" for {@link #ancestors} and {@link #descendants}. */
    public static final int UNLIMITED = -1;

    private final Map<String, SortedSet<String>> parents;
    private final Map<String, SortedSet<String>> children;
    private final List<String> order;
    private final Map<String, Integer> position;

    private Dag(Map<String, ? extends Collection<String>> parentsById, Function<String, String> fileOf) {
        Map<String, SortedSet<String>> up = new TreeMap<>();
        Map<String, SortedSet<String>> down = new TreeMap<>();
        parentsById.keySet().forEach(id -> {
            up.put(id, new TreeSet<>());
            down.put(id, new TreeSet<>());
        });
        parentsById.forEach((child, ps) -> {
            for (String parent : ps) {
                if (up.containsKey(parent)) {
                    up.get(child).add(parent);
                    down.get(parent).add(child);
                }
            }
        });
        CycleDetector.check(down, fileOf);
        this.parents = freeze(up);
        this.children = freeze(down);
        this.order = Collections.unmodifiableList(topologicalSort(up, down));
        Map<String, Integer> pos = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            pos.put(order.get(i), i);
        }
        this.position = pos;
    }

    /** The graph of everything in the manifest; throws {@code DEPENDENCY_CYCLE} if there is a cycle. */
    public static Dag of(Manifest manifest) {
        Map<String, Collection<String>> parentsById = new LinkedHashMap<>();
        Map<String, String> files = new HashMap<>();
        for (SourceDefinition source : manifest.sources.values()) {
            parentsById.put(source.uniqueId, List.of());
            files.put(source.uniqueId, source.originalFilePath);
        }
        for (Node node : manifest.nodes.values()) {
            parentsById.put(node.uniqueId, node.dependsOnNodes);
            files.put(node.uniqueId, node.originalFilePath);
        }
        for (Exposure exposure : manifest.exposures.values()) {
            parentsById.put(exposure.uniqueId, exposure.dependsOnNodes);
            files.put(exposure.uniqueId, exposure.originalFilePath);
        }
        return new Dag(parentsById, files::get);
    }

    /** A graph from plain edges (id -> its parents); for callers and tests that have no manifest. */
    public static Dag fromParents(Map<String, ? extends Collection<String>> parentsById) {
        return new Dag(parentsById, id -> null);
    }

    public boolean contains(String id) {
        return parents.containsKey(id);
    }

    public Set<String> ids() {
        return parents.keySet();
    }

    public int size() {
        return order.size();
    }

    /** Every id, parents before children; among ids that are ready together, the smaller unique id comes first. */
    public List<String> topologicalOrder() {
        return order;
    }

    public SortedSet<String> parents(String id) {
        return parents.getOrDefault(id, Collections.emptySortedSet());
    }

    public SortedSet<String> children(String id) {
        return children.getOrDefault(id, Collections.emptySortedSet());
    }

    public Set<String> ancestors(String id) {
        return walk(List.of(id), parents, UNLIMITED);
    }

    public Set<String> descendants(String id) {
        return walk(List.of(id), children, UNLIMITED);
    }

    /** Ids reachable upward from {@code start} within {@code depth} edges ({@link #UNLIMITED} for all); not the start ids themselves unless a path returns to them. */
    public Set<String> ancestors(Collection<String> start, int depth) {
        return walk(start, parents, depth);
    }

    public Set<String> descendants(Collection<String> start, int depth) {
        return walk(start, children, depth);
    }

    /** The given ids in topological order; ids not in the graph are dropped. */
    public LinkedHashSet<String> sort(Collection<String> ids) {
        List<String> known = new ArrayList<>();
        for (String id : ids) {
            if (position.containsKey(id)) {
                known.add(id);
            }
        }
        known.sort((a, b) -> Integer.compare(position.get(a), position.get(b)));
        return new LinkedHashSet<>(known);
    }

    private static Set<String> walk(Collection<String> start, Map<String, SortedSet<String>> edges, int depth) {
        Set<String> found = new LinkedHashSet<>();
        Deque<String> frontier = new ArrayDeque<>(start);
        int level = 0;
        while (!frontier.isEmpty() && (depth < 0 || level < depth)) {
            Deque<String> next = new ArrayDeque<>();
            for (String id : frontier) {
                for (String neighbour : edges.getOrDefault(id, Collections.emptySortedSet())) {
                    if (found.add(neighbour)) {
                        next.add(neighbour);
                    }
                }
            }
            frontier = next;
            level++;
        }
        return found;
    }

    private static List<String> topologicalSort(Map<String, SortedSet<String>> up, Map<String, SortedSet<String>> down) {
        Map<String, Integer> waiting = new HashMap<>();
        PriorityQueue<String> ready = new PriorityQueue<>();
        up.forEach((id, ps) -> {
            waiting.put(id, ps.size());
            if (ps.isEmpty()) {
                ready.add(id);
            }
        });
        List<String> out = new ArrayList<>(up.size());
        while (!ready.isEmpty()) {
            String id = ready.poll();
            out.add(id);
            for (String child : down.get(id)) {
                if (waiting.merge(child, -1, Integer::sum) == 0) {
                    ready.add(child);
                }
            }
        }
        return out;
    }

    private static Map<String, SortedSet<String>> freeze(Map<String, SortedSet<String>> edges) {
        Map<String, SortedSet<String>> out = new TreeMap<>();
        edges.forEach((id, set) -> out.put(id, Collections.unmodifiableSortedSet(set)));
        return Collections.unmodifiableMap(out);
    }
}
