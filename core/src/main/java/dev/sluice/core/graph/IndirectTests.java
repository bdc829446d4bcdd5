package dev.sluice.core.graph;

import dev.sluice.core.graph.method.Selectable;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Indirect test selection. Each criterion splits the tests attached to what it selected into "direct" (kept now) and
 * "indirect" (kept only if a later union or intersection turns out to select all their parents):
 * <ul>
 *   <li>eager: every test with any selected parent is direct. The exclude side of a difference is always expanded
 *       eagerly (see {@link SelectionEvaluator}), so excluding a model excludes every test touching it, whatever the
 *       mode.</li>
 *   <li>cautious: direct when all parents are selected, else indirect.</li>
 *   <li>buildable: direct when every parent is selected or upstream of something selected; sources always count,
 *       as they are never built. Else indirect.</li>
 *   <li>empty: no tests are added.</li>
 * </ul>
 * Tests matched by the criterion itself are always direct.
 */
final class IndirectTests {
    private final Dag dag;
    private final Map<String, Selectable> resources;

    IndirectTests(Dag dag, Map<String, Selectable> resources) {
        this.dag = dag;
        this.resources = resources;
    }

    /** What one criterion selected, split into direct and indirect picks. */
    Picked expand(Set<String> selected, IndirectSelection mode) {
        if (mode == IndirectSelection.EMPTY) {
            return new Picked(selected, Set.of());
        }
        Set<String> direct = new LinkedHashSet<>(selected);
        Set<String> indirect = new LinkedHashSet<>();
        Set<String> buildable = mode == IndirectSelection.BUILDABLE ? buildable(selected) : Set.of();
        for (String candidate : dag.descendants(selected, 1)) {
            if (!isTest(candidate) || selected.contains(candidate)) {
                continue;
            }
            Set<String> parents = dag.parents(candidate);
            boolean keep = switch (mode) {
                case EAGER -> true;
                case CAUTIOUS -> selected.containsAll(parents);
                case BUILDABLE -> buildable.containsAll(parents);
                case EMPTY -> false;
            };
            (keep ? direct : indirect).add(candidate);
        }
        return new Picked(direct, indirect);
    }

    /** After a set operation: indirect tests whose parents the combined direct set now covers join it. */
    Set<String> incorporate(Set<String> direct, Set<String> indirect, IndirectSelection mode) {
        if (mode != IndirectSelection.CAUTIOUS && mode != IndirectSelection.BUILDABLE) {
            return direct;
        }
        Set<String> covered = mode == IndirectSelection.BUILDABLE ? buildable(direct) : direct;
        Set<String> out = new LinkedHashSet<>(direct);
        for (String candidate : indirect) {
            if (!direct.contains(candidate) && isTest(candidate) && covered.containsAll(dag.parents(candidate))) {
                out.add(candidate);
            }
        }
        return out;
    }

    private Set<String> buildable(Set<String> selected) {
        Set<String> out = new LinkedHashSet<>(selected);
        out.addAll(dag.ancestors(selected, Dag.UNLIMITED));
        resources.values().stream().filter(r -> r.source() != null).forEach(r -> out.add(r.uniqueId()));
        return out;
    }

    private boolean isTest(String id) {
        Selectable resource = resources.get(id);
        return resource != null && resource.isTest();
    }

    /** A partial selection: {@code direct} is selected; {@code indirect} may still join after set operations. */
    record Picked(Set<String> direct, Set<String> indirect) {
    }
}
