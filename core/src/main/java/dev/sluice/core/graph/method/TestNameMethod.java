package dev.sluice.core.graph.method;

import dev.sluice.core.manifest.ResourceType;
import dev.sluice.core.manifest.TestMetadata;

import java.util.List;
import java.util.Set;

/** {@code test_name:} matches generic tests by the generic test's name ({@code unique}, or {@code dbt_utils.equality}). */
public final class TestNameMethod implements SelectionMethod {

    @Override
    public Set<String> search(MethodScope scope, List<String> arguments, String value) {
        return scope.idsWhere(c -> {
            if (c.resourceType() != ResourceType.TEST || c.node() == null || c.node().testMetadata == null) {
                return false;
            }
            TestMetadata meta = c.node().testMetadata;
            return Glob.matches(value, meta.name())
                    || (meta.namespace() != null && Glob.matches(value, meta.namespace() + "." + meta.name()));
        });
    }
}
