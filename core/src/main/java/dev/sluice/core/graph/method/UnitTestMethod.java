package dev.sluice.core.graph.method;

import dev.sluice.core.manifest.ResourceType;

import java.util.List;
import java.util.Set;

/** {@code unit_test:} matches unit tests by name or fqn (wildcards allowed). */
public final class UnitTestMethod implements SelectionMethod {

    @Override
    public Set<String> search(MethodScope scope, List<String> arguments, String value) {
        return scope.idsWhere(c -> c.resourceType() == ResourceType.UNIT_TEST
                && (Glob.matches(value, c.name()) || FqnMethod.matches(c.fqn(), value)));
    }
}
