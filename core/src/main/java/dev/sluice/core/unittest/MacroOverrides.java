package dev.sluice.core.unittest;

import dev.sluice.core.jinja.DbtFunction;
import dev.sluice.core.jinja.MacroLibrary;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code overrides: macros:} applied to a render context: a macro (or a namespaced one, {@code dbt_utils.star}) becomes
 * a function returning the given value; a plain context value ({@code invocation_id}) is replaced by it.
 */
final class MacroOverrides {
    private MacroOverrides() {
    }

    static void apply(Map<String, Object> overrides, Map<String, Object> context, MacroLibrary macros) {
        overrides.forEach((name, value) -> {
            int dot = name.indexOf('.');
            if (dot > 0) {
                String namespace = name.substring(0, dot);
                String macro = name.substring(dot + 1);
                Map<String, Object> members = new LinkedHashMap<>();
                if (context.get(namespace) instanceof Map<?, ?> existing) {
                    existing.forEach((k, v) -> members.put(String.valueOf(k), v));
                } else {
                    members.putAll(macros.macrosOf(namespace));
                }
                members.put(macro, returning(macro, value));
                context.put(namespace, members);
            } else if (context.containsKey(name) && !(context.get(name) instanceof DbtFunction)) {
                context.put(name, value);
            } else {
                context.put(name, returning(name, value));
            }
        });
    }

    private static DbtFunction returning(String name, Object value) {
        return DbtFunction.of(name, args -> value);
    }

    /** The {@code is_incremental} override as a boolean (false when absent). */
    static boolean incremental(Map<String, Object> overrides) {
        Object value = overrides.get("is_incremental");
        if (value instanceof Boolean b) {
            return b;
        }
        return value != null && Boolean.parseBoolean(String.valueOf(value).strip());
    }
}
