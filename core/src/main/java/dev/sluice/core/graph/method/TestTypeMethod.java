package dev.sluice.core.graph.method;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.manifest.ResourceType;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code test_type:} generic (alias schema: tests with test metadata), singular (tests without), data (every data
 * test, generic or singular, as dbt 1.8+ reads it) or unit.
 */
public final class TestTypeMethod implements SelectionMethod {

    @Override
    public Set<String> search(MethodScope scope, List<String> arguments, String value) {
        Predicate<Selectable> test = switch (value) {
            case "generic", "schema" -> c -> isDataTest(c) && c.node().testMetadata != null;
            case "singular" -> c -> isDataTest(c) && c.node().testMetadata == null;
            case "data" -> TestTypeMethod::isDataTest;
            case "unit" -> c -> c.resourceType() == ResourceType.UNIT_TEST;
            default -> throw new SluiceException(ErrorCode.SELECTOR_INVALID, "Invalid test_type selector '" + value
                    + "': expected generic, singular, data or unit");
        };
        return scope.idsWhere(test);
    }

    private static boolean isDataTest(Selectable c) {
        return c.resourceType() == ResourceType.TEST && c.node() != null;
    }
}
