package dev.sluice.core.graph.method;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The nodes of a selection scope by the two things a wildcard-free fqn selector can match first: the last fqn
 * segment (the node's name) and the first dot-separated piece of the first or second segment (package or folder).
 * Built once per selection on first use, so that each bare-word criterion looks at its few candidates instead of at
 * every node.
 */
final class FqnIndex {
    private final Map<String, List<Integer>> byLeaf = new HashMap<>();
    private final Map<String, List<Integer>> byFirstPiece = new HashMap<>();
    private final List<Selectable> candidates;

    FqnIndex(List<Selectable> candidates) {
        this.candidates = candidates;
        for (int i = 0; i < candidates.size(); i++) {
            Selectable candidate = candidates.get(i);
            List<String> fqn = candidate.fqn();
            if (!candidate.isNode() || fqn == null || fqn.isEmpty()) {
                continue;
            }
            add(byLeaf, fqn.get(fqn.size() - 1), i);
            add(byFirstPiece, firstPiece(fqn.get(0)), i);
            if (fqn.size() > 1) {
                add(byFirstPiece, firstPiece(fqn.get(1)), i);
            }
        }
    }

    /** Positions of the nodes whose name is {@code leaf} or whose first or second segment starts with {@code piece}. */
    int[] candidates(String leaf, String piece) {
        List<Integer> named = byLeaf.getOrDefault(leaf, List.of());
        List<Integer> under = byFirstPiece.getOrDefault(piece, List.of());
        return java.util.stream.Stream.concat(named.stream(), under.stream()).mapToInt(Integer::intValue).distinct()
                .sorted().toArray();
    }

    Selectable at(int position) {
        return candidates.get(position);
    }

    private static void add(Map<String, List<Integer>> map, String key, int position) {
        List<Integer> positions = map.computeIfAbsent(key, k -> new ArrayList<>(1));
        if (positions.isEmpty() || positions.get(positions.size() - 1) != position) {
            positions.add(position);
        }
    }

    private static String firstPiece(String segment) {
        int dot = segment.indexOf('.');
        return dot < 0 ? segment : segment.substring(0, dot);
    }
}
