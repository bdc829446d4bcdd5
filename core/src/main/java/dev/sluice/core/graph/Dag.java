package dev.sluice.core.graph;

import dev.sluice.core.manifest.Exposure;
import dev.sluice.core.manifest.Manifest;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.SourceDefinition;

import java.util.AbstractList;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;

/**
 * The dependency graph over a manifest's nodes, sources and exposures. Edges run from a parent to the resources that
 * depend on it. Dependencies on ids the manifest does not hold (disabled or missing resources) are dropped: the parser
 * reports those, the graph only orders what exists. Immutable; building it rejects cycles.
 *
 * <p>Ids are numbered in their sorted order and edges are kept as sorted int arrays: a scale project has 80,000 ids
 * sharing long prefixes, and string-keyed sorted sets made building the graph the slowest part of parsing.
 */
public final class Dag {
    /** Depth meaning "no limit" for {@link #ancestors} and {@link #descendants}. */
    public static final int UNLIMITED = -1;

    private static final int[] NONE = new int[0];

    /** Every id, sorted; an id's number is its position here. */
    private final String[] ids;
    private final Map<String, Integer> numbers;
    private final int[][] parents;
    private final int[][] children;
    /** Ids in topological order. */
    private final int[] order;
    /** Each id's position in {@link #order}. */
    private final int[] position;

    /** {@code sortedIds}: the keys of {@code parentsById} already sorted, or null to sort them here. */
    private Dag(Map<String, ? extends Collection<String>> parentsById, List<String> sortedIds,
                Function<String, String> fileOf) {
        if (sortedIds != null && sortedIds.size() == parentsById.size()) {
            ids = sortedIds.toArray(new String[0]);
        } else {
            ids = parentsById.keySet().toArray(new String[0]);
            Arrays.sort(ids);
        }
        numbers = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            numbers.put(ids[i], i);
        }
        parents = new int[ids.length][];
        int[] childCounts = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            parents[i] = known(parentsById.get(ids[i]));
            for (int parent : parents[i]) {
                childCounts[parent]++;
            }
        }
        children = new int[ids.length][];
        for (int i = 0; i < ids.length; i++) {
            children[i] = childCounts[i] == 0 ? NONE : new int[childCounts[i]];
            childCounts[i] = 0;
        }
        for (int child = 0; child < ids.length; child++) { // ascending, so every children array comes out sorted
            for (int parent : parents[child]) {
                children[parent][childCounts[parent]++] = child;
            }
        }
        order = topologicalSort();
        if (order.length < ids.length) {
            CycleDetector.check(childrenById(), fileOf);
        }
        position = new int[ids.length];
        for (int i = 0; i < order.length; i++) {
            position[order[i]] = i;
        }
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
        return new Dag(parentsById, manifest.sortedIds, files::get);
    }

    /** A graph from plain edges (id -> its parents); for callers and tests that have no manifest. */
    public static Dag fromParents(Map<String, ? extends Collection<String>> parentsById) {
        return new Dag(parentsById, null, id -> null);
    }

    public boolean contains(String id) {
        return numbers.containsKey(id);
    }

    /** Every id, sorted. */
    public Set<String> ids() {
        return new IdSet(null);
    }

    public int size() {
        return ids.length;
    }

    /** Every id, parents before children; among ids that are ready together, the smaller unique id comes first. */
    public List<String> topologicalOrder() {
        return new AbstractList<>() {
            @Override
            public String get(int index) {
                return ids[order[index]];
            }

            @Override
            public int size() {
                return order.length;
            }
        };
    }

    /** The id's direct parents, sorted; empty for an unknown id. */
    public Set<String> parents(String id) {
        Integer number = numbers.get(id);
        return number == null ? Set.of() : new IdSet(parents[number]);
    }

    /** The id's direct children, sorted; empty for an unknown id. */
    public Set<String> children(String id) {
        Integer number = numbers.get(id);
        return number == null ? Set.of() : new IdSet(children[number]);
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
    public LinkedHashSet<String> sort(Collection<String> given) {
        boolean[] wanted = new boolean[ids.length];
        int count = 0;
        for (String id : given) {
            Integer number = numbers.get(id);
            if (number != null && !wanted[position[number]]) {
                wanted[position[number]] = true;
                count++;
            }
        }
        LinkedHashSet<String> out = new LinkedHashSet<>(count * 2);
        for (int i = 0; i < order.length; i++) {
            if (wanted[i]) {
                out.add(ids[order[i]]);
            }
        }
        return out;
    }

    private int[] known(Collection<String> parentIds) {
        if (parentIds == null || parentIds.isEmpty()) {
            return NONE;
        }
        int[] out = new int[parentIds.size()];
        int n = 0;
        for (String parent : parentIds) {
            Integer number = numbers.get(parent);
            if (number != null) {
                out[n++] = number;
            }
        }
        Arrays.sort(out, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || out[distinct - 1] != out[i]) {
                out[distinct++] = out[i];
            }
        }
        return distinct == out.length ? out : Arrays.copyOf(out, distinct);
    }

    private Set<String> walk(Collection<String> start, int[][] edges, int depth) {
        boolean[] seen = new boolean[ids.length];
        Set<String> found = new LinkedHashSet<>();
        int[] frontier = new int[start.size()];
        int frontierSize = 0;
        for (String id : start) {
            Integer number = numbers.get(id);
            if (number != null) {
                frontier[frontierSize++] = number;
            }
        }
        int level = 0;
        while (frontierSize > 0 && (depth < 0 || level < depth)) {
            int[] next = new int[16];
            int nextSize = 0;
            for (int f = 0; f < frontierSize; f++) {
                for (int neighbour : edges[frontier[f]]) {
                    if (!seen[neighbour]) {
                        seen[neighbour] = true;
                        found.add(ids[neighbour]);
                        if (nextSize == next.length) {
                            next = Arrays.copyOf(next, nextSize * 2);
                        }
                        next[nextSize++] = neighbour;
                    }
                }
            }
            frontier = next;
            frontierSize = nextSize;
            level++;
        }
        return found;
    }

    /** Kahn's algorithm, always taking the smallest ready id; shorter than {@code ids} when there is a cycle. */
    private int[] topologicalSort() {
        int[] waiting = new int[ids.length];
        IntHeap ready = new IntHeap(ids.length);
        for (int i = 0; i < ids.length; i++) {
            waiting[i] = parents[i].length;
            if (waiting[i] == 0) {
                ready.add(i);
            }
        }
        int[] out = new int[ids.length];
        int n = 0;
        while (!ready.isEmpty()) {
            int id = ready.poll();
            out[n++] = id;
            for (int child : children[id]) {
                if (--waiting[child] == 0) {
                    ready.add(child);
                }
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private Map<String, List<String>> childrenById() {
        Map<String, List<String>> out = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            List<String> list = new ArrayList<>(children[i].length);
            for (int child : children[i]) {
                list.add(ids[child]);
            }
            out.put(ids[i], list);
        }
        return out;
    }

    /** A read-only view of some ids (all of them when {@code members} is null), iterated in sorted order. */
    private final class IdSet extends AbstractSet<String> {
        private final int[] members;

        IdSet(int[] members) {
            this.members = members;
        }

        @Override
        public Iterator<String> iterator() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < size();
                }

                @Override
                public String next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    int number = members == null ? next : members[next];
                    next++;
                    return ids[number];
                }
            };
        }

        @Override
        public int size() {
            return members == null ? ids.length : members.length;
        }

        @Override
        public boolean contains(Object o) {
            Integer number = o instanceof String s ? numbers.get(s) : null;
            return number != null && (members == null || Arrays.binarySearch(members, number) >= 0);
        }
    }

    /** A binary min-heap of ints (the ready queue of the topological sort, without boxing). */
    private static final class IntHeap {
        private final int[] heap;
        private int size;

        IntHeap(int capacity) {
            heap = new int[Math.max(1, capacity)];
        }

        boolean isEmpty() {
            return size == 0;
        }

        void add(int value) {
            int i = size++;
            heap[i] = value;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (heap[parent] <= heap[i]) {
                    break;
                }
                swap(i, parent);
                i = parent;
            }
        }

        int poll() {
            int top = heap[0];
            heap[0] = heap[--size];
            int i = 0;
            while (true) {
                int left = 2 * i + 1;
                int smallest = i;
                if (left < size && heap[left] < heap[smallest]) {
                    smallest = left;
                }
                if (left + 1 < size && heap[left + 1] < heap[smallest]) {
                    smallest = left + 1;
                }
                if (smallest == i) {
                    return top;
                }
                swap(i, smallest);
                i = smallest;
            }
        }

        private void swap(int a, int b) {
            int t = heap[a];
            heap[a] = heap[b];
            heap[b] = t;
        }
    }
}
