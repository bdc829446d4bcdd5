package dev.sluice.core.graph.method;

import java.util.List;
import java.util.Set;

/** {@code tag:} matches any resource with a tag matching the (wildcard) value. */
public final class TagMethod implements SelectionMethod {

    @Override
    public Set<String> search(MethodScope scope, List<String> arguments, String value) {
        return scope.idsWhere(c -> c.tags().stream().anyMatch(tag -> Glob.matches(value, tag)));
    }
}
