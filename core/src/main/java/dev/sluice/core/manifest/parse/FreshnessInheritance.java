package dev.sluice.core.manifest.parse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a source table's {@code freshness} and {@code loaded_at_field} come together from the project's
 * {@code sources:} config, the source and the table, as dbt merges them: each level may say nothing (inherit), give a
 * block (merged over what it inherits, thresholds one level deep) or say {@code null} (no freshness, or no threshold).
 * At one level, {@code config: freshness:} wins over the older top-level {@code freshness:}.
 */
final class FreshnessInheritance {
    private static final Object ABSENT = new Object();
    private static final List<String> THRESHOLDS = List.of("warn_after", "error_after");

    private FreshnessInheritance() {
    }

    /** The block one YAML entry (a source or a table) sets: ABSENT, null or a map. */
    static Object level(Map<String, Object> entry, String key) {
        if (entry.get("config") instanceof Map<?, ?> config && config.containsKey(key)) {
            return config.get(key);
        }
        return entry.containsKey(key) ? entry.get(key) : ABSENT;
    }

    /** A value set in project config, or ABSENT. */
    static Object projectLevel(boolean has, Object value) {
        return has ? value : ABSENT;
    }

    /** The effective freshness block, or null for none; levels from the most general to the most specific. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> freshness(Object... levels) {
        Object merged = ABSENT;
        for (Object level : levels) {
            merged = merge(merged, level);
        }
        return merged instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    /** The most specific {@code loaded_at_field} given, or null. */
    static String loadedAtField(Object... levels) {
        Object chosen = null;
        for (Object level : levels) {
            if (level != ABSENT) {
                chosen = level;
            }
        }
        return chosen == null ? null : String.valueOf(chosen);
    }

    private static Object merge(Object base, Object update) {
        if (update == ABSENT) {
            return base;
        }
        if (!(update instanceof Map<?, ?> over) || !(base instanceof Map<?, ?> under)) {
            return update;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        under.forEach((k, v) -> out.put(String.valueOf(k), v));
        over.forEach((k, v) -> {
            String key = String.valueOf(k);
            if (THRESHOLDS.contains(key)) {
                out.put(key, v instanceof Map<?, ?> && out.get(key) instanceof Map<?, ?> ? mergeFlat(out.get(key), v) : v);
            } else if (v != null) {
                out.put(key, v);
            }
        });
        return out;
    }

    private static Map<String, Object> mergeFlat(Object base, Object update) {
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<?, ?>) base).forEach((k, v) -> out.put(String.valueOf(k), v));
        ((Map<?, ?>) update).forEach((k, v) -> {
            if (v != null) {
                out.put(String.valueOf(k), v);
            }
        });
        return out;
    }
}
