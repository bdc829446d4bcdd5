package dev.sluice.core.graph;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The outcome of a selection: unique ids in topological order (parents first, ties by unique id), warnings to show
 * the user (criteria that matched nothing, ignored flags), and the named selector used, if any.
 */
public record SelectionResult(Set<String> selected, List<String> warnings, String selectorUsed) {

    public SelectionResult {
        selected = Collections.unmodifiableSet(new LinkedHashSet<>(selected));
        warnings = List.copyOf(warnings);
    }
}
