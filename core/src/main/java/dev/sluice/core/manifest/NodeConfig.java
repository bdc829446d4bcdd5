package dev.sluice.core.manifest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node's resolved configuration: project folder configs, then YAML, then {@code config()} in the file, each later
 * one overriding (tags, pre/post hooks and meta accumulate as dbt does). Keys are dbt's, without the {@code +}.
 */
public final class NodeConfig {
    private final Map<String, Object> values = new LinkedHashMap<>();

    public NodeConfig() {
    }

    public NodeConfig(Map<String, Object> initial) {
        initial.forEach(this::set);
    }

    /** A config holding exactly these resolved values (no merging); the parse cache restores configs this way. */
    public static NodeConfig ofResolved(Map<String, Object> resolved) {
        NodeConfig config = new NodeConfig();
        config.values.putAll(resolved);
        return config;
    }

    public NodeConfig copy() {
        NodeConfig copy = new NodeConfig();
        values.forEach((k, v) -> copy.values.put(k, deepCopy(v)));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), deepCopy(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(deepCopy(v)));
            return out;
        }
        return value;
    }

    /** Applies one config key the way dbt merges it: tags and hooks append, meta and dicts merge, others replace. */
    @SuppressWarnings("unchecked")
    public void set(String rawKey, Object value) {
        String key = rawKey.startsWith("+") ? rawKey.substring(1) : rawKey;
        key = switch (key) {
            case "pre-hook" -> "pre_hook";
            case "post-hook" -> "post_hook";
            default -> key;
        };
        switch (key) {
            case "tags" -> appendUnique("tags", asList(value));
            case "pre_hook", "post_hook" -> append(key, asList(value));
            case "meta", "docs", "grants", "column_types" -> {
                Map<String, Object> merged = new LinkedHashMap<>();
                Object current = values.get(key);
                if (current instanceof Map<?, ?> m) {
                    merged.putAll((Map<String, Object>) m);
                }
                if (value instanceof Map<?, ?> m) {
                    m.forEach((k, v) -> merged.put(String.valueOf(k), deepCopy(v)));
                }
                values.put(key, merged);
            }
            default -> values.put(key, deepCopy(value));
        }
    }

    private void append(String key, List<Object> items) {
        List<Object> list = new ArrayList<>(asList(values.get(key)));
        list.addAll(items);
        values.put(key, list);
    }

    private void appendUnique(String key, List<Object> items) {
        List<Object> list = new ArrayList<>(asList(values.get(key)));
        for (Object item : items) {
            if (!list.contains(String.valueOf(item))) {
                list.add(String.valueOf(item));
            }
        }
        values.put(key, list);
    }

    public static List<Object> asList(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        return List.of(value);
    }

    public Object get(String key) {
        return values.get(key);
    }

    public String getString(String key, String fallback) {
        Object value = values.get(key);
        return value == null ? fallback : String.valueOf(value);
    }

    public boolean getBoolean(String key, boolean fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = String.valueOf(value).trim().toLowerCase(java.util.Locale.ROOT);
        return text.equals("true") || text.equals("yes") || text.equals("1");
    }

    public boolean enabled() {
        return getBoolean("enabled", true);
    }

    public String materialized() {
        return getString("materialized", "view");
    }

    @SuppressWarnings("unchecked")
    public List<String> tags() {
        return asList(values.get("tags")).stream().map(String::valueOf).toList();
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }
}
