package dev.sluice.core.graph.method;

import dev.sluice.core.manifest.ResourceType;

import java.util.List;
import java.util.Set;

/** {@code access:} matches models by access level; a model without one is {@code protected}, dbt's default. */
public final class AccessMethod implements SelectionMethod {

    @Override
    public Set<String> search(MethodScope scope, List<String> arguments, String value) {
        return scope.idsWhere(c -> c.resourceType() == ResourceType.MODEL
                && value.equals(c.config().getString("access", "protected")));
    }
}
