package dev.sluice.core.project;

import dev.sluice.core.jinja.NativeValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Renders Jinja inside YAML values, as dbt does for dbt_project.yml, profiles.yml and schema files: a string holding
 * {@code {{ }}} or {@code {% %}} is rendered and read back natively, so {@code "{{ var('x', false) }}"} is the boolean
 * false. Keys named in {@code skipKeys} (hooks) keep their text for run time.
 */
public final class YamlJinja {
    private YamlJinja() {
    }

    public static boolean hasJinja(String text) {
        return text.contains("{{") || text.contains("{%");
    }

    @SuppressWarnings("unchecked")
    public static Object render(Object value, Function<String, String> renderer, Set<String> skipKeys) {
        if (value instanceof String text) {
            return hasJinja(text) ? NativeValues.parse(renderer.apply(text)) : text;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<Object, Object>) map).forEach((k, v) -> {
                String key = String.valueOf(k);
                out.put(key, skipKeys.contains(key) ? v : render(v, renderer, skipKeys));
            });
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) {
                out.add(render(item, renderer, skipKeys));
            }
            return out;
        }
        return value;
    }
}
