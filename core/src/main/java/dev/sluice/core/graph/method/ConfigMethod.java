package dev.sluice.core.graph.method;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.manifest.ResourceType;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code config.<key>[.<subkey>...]:value} over nodes and sources. A scalar config matches when its text equals the
 * value ({@code true}/{@code false} and {@code severity} compare case-insensitively); a list matches when it holds the
 * value; a dict matches when it has the value as a key. Missing keys never match.
 */
public final class ConfigMethod implements SelectionMethod {

    @Override
    public Set<String> search(MethodScope scope, List<String> arguments, String value) {
        if (arguments.isEmpty()) {
            throw new SluiceException(ErrorCode.SELECTOR_INVALID, "The 'config' selector method needs a config key, "
                    + "e.g. config.materialized:table (got 'config:" + value + "')");
        }
        boolean ignoreCase = arguments.equals(List.of("severity"));
        return scope.idsWhere(c -> {
            if (c.resourceType() == ResourceType.EXPOSURE) {
                return false;
            }
            Object found = lookup(c, arguments);
            return found != null && matches(found, value, ignoreCase);
        });
    }

    private static Object lookup(Selectable candidate, List<String> path) {
        Object current = candidate.config().asMap();
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
                current = null;
                break;
            }
            current = map.get(key);
        }
        if (current == null && path.equals(List.of("materialized")) && candidate.isNode()) {
            return defaultMaterialization(candidate.resourceType());
        }
        return current;
    }

    /** The parser may leave dbt's implied materializations unset; selection still sees them. */
    private static String defaultMaterialization(ResourceType type) {
        return switch (type) {
            case MODEL -> "view";
            case SEED -> "seed";
            case SNAPSHOT -> "snapshot";
            case TEST, UNIT_TEST -> "test";
            default -> null;
        };
    }

    static boolean matches(Object configured, String wanted, boolean ignoreCase) {
        if (configured instanceof Collection<?> items) {
            return items.stream().anyMatch(item -> item != null && scalarMatches(item, wanted, ignoreCase));
        }
        if (configured instanceof Map<?, ?> map) {
            return map.containsKey(wanted);
        }
        return scalarMatches(configured, wanted, ignoreCase);
    }

    private static boolean scalarMatches(Object configured, String wanted, boolean ignoreCase) {
        String text = String.valueOf(configured);
        if (configured instanceof Boolean || ignoreCase) {
            return text.equalsIgnoreCase(wanted);
        }
        return text.equals(wanted);
    }
}
