package dev.sluice.core.graph;

import dev.sluice.core.graph.SelectionSpec.Criterion;

import java.util.LinkedHashSet;
import java.util.Set;

/** The {@code +}, {@code n+}, {@code +n} and {@code @} operators: widen a matched set along the graph. */
public final class GraphOperators {
    private final Dag dag;

    public GraphOperators(Dag dag) {
        this.dag = dag;
    }

    /** {@code matched} plus the neighbours the criterion's operators ask for. */
    public Set<String> apply(Criterion criterion, Set<String> matched) {
        Set<String> out = new LinkedHashSet<>(matched);
        if (criterion.parents()) {
            out.addAll(dag.ancestors(matched, criterion.parentsDepth()));
        }
        if (criterion.children()) {
            out.addAll(dag.descendants(matched, criterion.childrenDepth()));
        }
        if (criterion.childrensParents()) {
            out.addAll(childrensParents(matched));
        }
        return out;
    }

    /** {@code @}: the set, all its descendants, and every ancestor of those, so the children can be built. */
    public Set<String> childrensParents(Set<String> matched) {
        Set<String> family = new LinkedHashSet<>(matched);
        family.addAll(dag.descendants(matched, Dag.UNLIMITED));
        Set<String> out = new LinkedHashSet<>(family);
        out.addAll(dag.ancestors(family, Dag.UNLIMITED));
        return out;
    }
}
