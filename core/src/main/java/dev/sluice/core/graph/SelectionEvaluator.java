package dev.sluice.core.graph;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.graph.IndirectTests.Picked;
import dev.sluice.core.graph.SelectionSpec.Criterion;
import dev.sluice.core.graph.SelectionSpec.Difference;
import dev.sluice.core.graph.SelectionSpec.Intersection;
import dev.sluice.core.graph.SelectionSpec.Union;
import dev.sluice.core.graph.method.MethodScope;
import dev.sluice.core.graph.method.Selectable;
import dev.sluice.core.graph.method.SelectionMethods;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates a {@link SelectionSpec} against one manifest's graph. Each criterion runs its method, widens the result
 * with graph operators, then adds tests by indirect selection ({@link IndirectTests}); set operations combine the
 * direct and the still-pending indirect picks separately, as dbt does, so a cautious test whose parents are selected
 * by two different criteria of a union is still selected. One evaluator serves one selection; it collects warnings.
 */
final class SelectionEvaluator {
    private final MethodScope scope;
    private final SelectionMethods methods;
    private final YamlSelectorResolver selectors;
    private final IndirectSelection defaultMode;
    private final GraphOperators operators;
    private final IndirectTests tests;
    private final List<String> warnings = new ArrayList<>();
    private final Deque<String> selectorsInProgress = new ArrayDeque<>();

    SelectionEvaluator(String rootProject, Dag dag, Map<String, Selectable> resources, SelectionMethods methods,
                       YamlSelectorResolver selectors, IndirectSelection defaultMode) {
        this.scope = new MethodScope(rootProject, resources.values());
        this.methods = methods;
        this.selectors = selectors;
        this.defaultMode = defaultMode;
        this.operators = new GraphOperators(dag);
        this.tests = new IndirectTests(dag, resources);
    }

    List<String> warnings() {
        return warnings;
    }

    Picked evaluate(SelectionSpec spec) {
        return evaluate(spec, defaultMode);
    }

    /** {@code mode} applies to criteria that do not name their own indirect selection. */
    private Picked evaluate(SelectionSpec spec, IndirectSelection mode) {
        if (spec instanceof Criterion criterion) {
            return criterion(criterion, mode);
        }
        if (spec instanceof Union union) {
            return combine(union.parts(), true, mode);
        }
        if (spec instanceof Intersection intersection) {
            return combine(intersection.parts(), false, mode);
        }
        Difference difference = (Difference) spec;
        Picked include = evaluate(difference.include(), mode);
        // Exclusion is always eager (as dbt parses --exclude): excluding a resource excludes every test touching it.
        Picked exclude = evaluate(difference.exclude(), IndirectSelection.EAGER);
        Set<String> direct = new LinkedHashSet<>(include.direct());
        direct.removeAll(exclude.direct());
        Set<String> all = everything(include);
        all.removeAll(everything(exclude));
        return new Picked(tests.incorporate(direct, all, mode), all);
    }

    private Picked criterion(Criterion criterion, IndirectSelection inherited) {
        IndirectSelection mode = criterion.indirect() != null ? criterion.indirect() : inherited;
        Set<String> matched;
        if ("selector".equals(criterion.method())) {
            Picked referenced = namedSelector(criterion.value(), mode);
            // A named selector's result stands as it is, unless operators ask to widen it.
            if (!criterion.hasGraphOperators()) {
                return referenced;
            }
            matched = referenced.direct();
        } else {
            matched = methods.get(criterion.method(), criterion.raw())
                    .search(scope, criterion.arguments(), criterion.value());
        }
        Set<String> selected = operators.apply(criterion, matched);
        // A "*" that finds nothing (say, no exposures) is not worth a warning; a named thing that is absent is.
        if (selected.isEmpty() && !"*".equals(criterion.value())) {
            warnings.add("The selection criterion '" + criterion.raw() + "' does not match any enabled nodes");
        }
        return tests.expand(selected, mode);
    }

    private Picked namedSelector(String name, IndirectSelection mode) {
        if (selectorsInProgress.contains(name)) {
            List<String> chain = new ArrayList<>(selectorsInProgress);
            Collections.reverse(chain);
            chain.add(name);
            throw new SluiceException(ErrorCode.SELECTOR_INVALID,
                    "Selectors refer to each other in a cycle: " + String.join(" --> ", chain));
        }
        selectorsInProgress.push(name);
        try {
            return evaluate(selectors.resolve(name), mode);
        } finally {
            selectorsInProgress.pop();
        }
    }

    private Picked combine(List<SelectionSpec> parts, boolean union, IndirectSelection mode) {
        Set<String> direct = null;
        Set<String> all = null;
        for (SelectionSpec part : parts) {
            Picked picked = evaluate(part, mode);
            if (direct == null) {
                direct = new LinkedHashSet<>(picked.direct());
                all = everything(picked);
            } else if (union) {
                direct.addAll(picked.direct());
                all.addAll(everything(picked));
            } else {
                direct.retainAll(picked.direct());
                all.retainAll(everything(picked));
            }
        }
        if (direct == null) {
            return new Picked(Set.of(), Set.of());
        }
        return new Picked(tests.incorporate(direct, all, mode), all);
    }

    private static Set<String> everything(Picked picked) {
        Set<String> out = new LinkedHashSet<>(picked.direct());
        out.addAll(picked.indirect());
        return out;
    }
}
