package dev.sluice.core.graph.method;

import java.util.List;
import java.util.Set;

/** {@code group:} matches nodes whose {@code group} config is the value. */
public final class GroupMethod implements SelectionMethod {

    @Override
    public Set<String> search(MethodScope scope, List<String> arguments, String value) {
        return scope.idsWhere(c -> c.isNode() && value.equals(c.config().getString("group", null)));
    }
}
