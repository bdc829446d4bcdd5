package dev.sluice.spi;

import java.util.Map;
import java.util.Optional;

/**
 * One rendered profiles.yml target. {@code fields} holds every key as written (after Jinja), so an adapter reads its
 * own settings (for DuckDB {@code path}, {@code extensions}, {@code settings}).
 */
public record TargetConfig(String profileName, String targetName, String type, String database, String schema,
                           int threads, Map<String, Object> fields) {

    public Optional<Object> field(String key) {
        return Optional.ofNullable(fields.get(key));
    }

    public String stringField(String key, String fallback) {
        Object value = fields.get(key);
        return value == null ? fallback : String.valueOf(value);
    }
}
