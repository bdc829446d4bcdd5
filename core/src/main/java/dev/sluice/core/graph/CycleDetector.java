package dev.sluice.core.graph;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.errors.SourceLocation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Finds a dependency cycle and reports it the way dbt does: "Found a cycle: a --> b --> a", where each arrow points
 * from a resource to one that depends on it. The walk is iterative so a deep chain cannot overflow the stack.
 */
public final class CycleDetector {
    private CycleDetector() {
    }

    /**
     * One cycle, or empty. The returned list starts and ends with the same id and is rotated so it starts at the
     * cycle's smallest id, which makes the message stable whatever order the walk took.
     */
    public static Optional<List<String>> findCycle(Map<String, ? extends Collection<String>> childrenById) {
        Map<String, Integer> state = new HashMap<>(); // absent: unvisited, 1: on the current path, 2: done
        for (String start : new TreeSet<>(childrenById.keySet())) {
            if (state.containsKey(start)) {
                continue;
            }
            Deque<String> path = new ArrayDeque<>();
            Deque<Iterator<String>> pending = new ArrayDeque<>();
            path.push(start);
            pending.push(sortedChildren(childrenById, start));
            state.put(start, 1);
            while (!path.isEmpty()) {
                Iterator<String> next = pending.peek();
                if (!next.hasNext()) {
                    state.put(path.pop(), 2);
                    pending.pop();
                    continue;
                }
                String child = next.next();
                Integer seen = state.get(child);
                if (seen == null) {
                    state.put(child, 1);
                    path.push(child);
                    pending.push(sortedChildren(childrenById, child));
                } else if (seen == 1) {
                    return Optional.of(closeCycle(path, child));
                }
            }
        }
        return Optional.empty();
    }

    /** Throws {@link ErrorCode#DEPENDENCY_CYCLE} if the graph has a cycle; {@code fileOf} names each id's file. */
    public static void check(Map<String, ? extends Collection<String>> childrenById, Function<String, String> fileOf) {
        findCycle(childrenById).ifPresent(cycle -> {
            throw cycleError(cycle, fileOf);
        });
    }

    public static SluiceException cycleError(List<String> cycle, Function<String, String> fileOf) {
        String first = cycle.get(0);
        String file = fileOf.apply(first);
        return new SluiceException(ErrorCode.DEPENDENCY_CYCLE, "Found a cycle: " + String.join(" --> ", cycle),
                file == null ? null : SourceLocation.of(file), first, null);
    }

    private static Iterator<String> sortedChildren(Map<String, ? extends Collection<String>> childrenById, String id) {
        Collection<String> children = childrenById.get(id);
        return children == null ? List.<String>of().iterator() : new TreeSet<>(children).iterator();
    }

    private static List<String> closeCycle(Deque<String> path, String repeated) {
        List<String> loop = new ArrayList<>();
        Iterator<String> fromTop = path.iterator(); // the path stack, newest first
        while (fromTop.hasNext()) {
            String id = fromTop.next();
            loop.add(0, id);
            if (id.equals(repeated)) {
                break;
            }
        }
        int smallest = 0;
        for (int i = 1; i < loop.size(); i++) {
            if (loop.get(i).compareTo(loop.get(smallest)) < 0) {
                smallest = i;
            }
        }
        List<String> rotated = new ArrayList<>(loop.subList(smallest, loop.size()));
        rotated.addAll(loop.subList(0, smallest));
        rotated.add(rotated.get(0));
        return rotated;
    }
}
