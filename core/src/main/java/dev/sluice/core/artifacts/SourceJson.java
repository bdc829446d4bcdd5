package dev.sluice.core.artifacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.manifest.SourceDefinition;

import java.util.Map;
import java.util.Set;

/** One entry of {@code sources}: a source table with dbt's keys, in dbt's order. */
final class SourceJson {
    private static final String[] QUOTING_KEYS = {"database", "schema", "identifier", "column"};
    private static final Set<String> CONFIG_KEYS = Set.of("enabled", "event_time");

    private final ManifestExtras extras;
    private final JsonNode createdAt;

    SourceJson(ManifestExtras extras, JsonNode createdAt) {
        this.extras = extras;
        this.createdAt = createdAt;
    }

    ObjectNode toJson(SourceDefinition source) {
        ObjectNode out = Json.object();
        out.put("database", source.database);
        out.put("schema", source.schema);
        out.put("name", source.name);
        out.put("resource_type", "source");
        out.put("package_name", source.packageName);
        out.put("path", source.path());
        out.put("original_file_path", source.originalFilePath);
        out.put("unique_id", source.uniqueId);
        out.set("fqn", Json.strings(source.fqn));
        out.put("source_name", source.sourceName);
        out.put("source_description", nonNull(source.sourceDescription));
        out.put("loader", nonNull(source.loader));
        out.put("identifier", source.identifier != null ? source.identifier : source.name);
        out.set("quoting", quoting(source));
        out.put("loaded_at_field", source.loadedAtField);
        out.set("freshness", freshness(source.freshness));
        out.set("external", source.config.get("external") instanceof Map<?, ?> m ? Json.value(m) : Json.value(null));
        out.put("description", nonNull(source.description));
        out.set("columns", ColumnJson.columns(source.columns));
        out.set("meta", Json.value(source.meta));
        out.set("source_meta", Json.value(source.sourceMeta));
        out.set("tags", Json.strings(source.tags));
        out.set("config", config(source));
        out.putNull("patch_path");
        out.set("unrendered_config", ConfigJson.unrendered(source.config));
        out.put("relation_name", extras.relationName(source.uniqueId));
        out.set("created_at", createdAt);
        out.putNull("unrendered_database");
        out.putNull("unrendered_schema");
        return out;
    }

    private static ObjectNode quoting(SourceDefinition source) {
        Object configured = source.config.get("quoting");
        Map<?, ?> map = configured instanceof Map<?, ?> m ? m : Map.of();
        ObjectNode out = Json.object();
        for (String key : QUOTING_KEYS) {
            out.set(key, Json.value(map.get(key)));
        }
        if (source.quoteIdentifier) {
            out.put("identifier", true);
        }
        return out;
    }

    /** dbt always writes the full threshold shape, with nulls when the source sets no freshness. */
    static ObjectNode freshness(Map<String, Object> freshness) {
        Map<?, ?> map = freshness == null ? Map.of() : freshness;
        ObjectNode out = Json.object();
        out.set("warn_after", time(map.get("warn_after")));
        out.set("error_after", time(map.get("error_after")));
        out.set("filter", Json.value(map.get("filter")));
        return out;
    }

    private static ObjectNode time(Object raw) {
        Map<?, ?> map = raw instanceof Map<?, ?> m ? m : Map.of();
        ObjectNode out = Json.object();
        Object count = map.get("count");
        if (count instanceof Number n) {
            out.put("count", n.longValue());
        } else if (count != null) {
            out.set("count", parseCount(String.valueOf(count)));
        } else {
            out.putNull("count");
        }
        out.set("period", Json.value(map.get("period")));
        return out;
    }

    private static JsonNode parseCount(String text) {
        try {
            return Json.value(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return Json.value(text);
        }
    }

    private static ObjectNode config(SourceDefinition source) {
        ObjectNode out = Json.object();
        out.put("enabled", source.config.enabled());
        out.set("event_time", Json.value(source.config.get("event_time")));
        source.config.asMap().forEach((k, v) -> {
            if (!CONFIG_KEYS.contains(k)) {
                out.set(k, Json.value(v));
            }
        });
        return out;
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
