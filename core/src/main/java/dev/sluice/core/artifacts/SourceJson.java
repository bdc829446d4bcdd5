package dev.sluice.core.artifacts;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sluice.core.manifest.SourceDefinition;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/** One entry of {@code sources}: a source table with dbt's keys, in dbt's order. */
final class SourceJson {
    private static final String[] QUOTING_KEYS = {"database", "schema", "identifier", "column"};
    private static final Set<String> CONFIG_KEYS = Set.of("enabled", "event_time");

    private final ManifestExtras extras;
    private final BigDecimal createdAt;

    SourceJson(ManifestExtras extras, BigDecimal createdAt) {
        this.extras = extras;
        this.createdAt = createdAt;
    }

    void write(JsonGenerator out, SourceDefinition source) throws IOException {
        out.writeStartObject();
        JsonOut.string(out, "database", source.database);
        JsonOut.string(out, "schema", source.schema);
        JsonOut.string(out, "name", source.name);
        JsonOut.string(out, "resource_type", "source");
        JsonOut.string(out, "package_name", source.packageName);
        JsonOut.string(out, "path", source.path());
        JsonOut.string(out, "original_file_path", source.originalFilePath);
        JsonOut.string(out, "unique_id", source.uniqueId);
        JsonOut.strings(out, "fqn", source.fqn);
        JsonOut.string(out, "source_name", source.sourceName);
        JsonOut.string(out, "source_description", nonNull(source.sourceDescription));
        JsonOut.string(out, "loader", nonNull(source.loader));
        JsonOut.string(out, "identifier", source.identifier != null ? source.identifier : source.name);
        out.writeFieldName("quoting");
        quoting(out, source);
        JsonOut.string(out, "loaded_at_field", source.loadedAtField);
        out.writeFieldName("freshness");
        freshness(out, source.freshness);
        JsonOut.field(out, "external", source.config.get("external") instanceof Map<?, ?> m ? m : null);
        JsonOut.string(out, "description", nonNull(source.description));
        out.writeFieldName("columns");
        ColumnJson.columns(out, source.columns);
        JsonOut.field(out, "meta", source.meta);
        JsonOut.field(out, "source_meta", source.sourceMeta);
        JsonOut.strings(out, "tags", source.tags);
        out.writeFieldName("config");
        config(out, source);
        out.writeNullField("patch_path");
        out.writeFieldName("unrendered_config");
        ConfigJson.unrendered(out, source.config);
        JsonOut.string(out, "relation_name", extras.relationName(source.uniqueId));
        out.writeFieldName("created_at");
        out.writeNumber(createdAt);
        out.writeNullField("unrendered_database");
        out.writeNullField("unrendered_schema");
        out.writeEndObject();
    }

    private static void quoting(JsonGenerator out, SourceDefinition source) throws IOException {
        Object configured = source.config.get("quoting");
        Map<?, ?> map = configured instanceof Map<?, ?> m ? m : Map.of();
        out.writeStartObject();
        for (String key : QUOTING_KEYS) {
            // the identifier of a source with quote: true is true whatever the quoting config says
            JsonOut.field(out, key, key.equals("identifier") && source.quoteIdentifier ? Boolean.TRUE : map.get(key));
        }
        out.writeEndObject();
    }

    /** dbt always writes the full threshold shape, with nulls when the source sets no freshness. */
    static void freshness(JsonGenerator out, Map<String, Object> freshness) throws IOException {
        Map<?, ?> map = freshness == null ? Map.of() : freshness;
        out.writeStartObject();
        out.writeFieldName("warn_after");
        time(out, map.get("warn_after"));
        out.writeFieldName("error_after");
        time(out, map.get("error_after"));
        JsonOut.field(out, "filter", map.get("filter"));
        out.writeEndObject();
    }

    private static void time(JsonGenerator out, Object raw) throws IOException {
        Map<?, ?> map = raw instanceof Map<?, ?> m ? m : Map.of();
        out.writeStartObject();
        Object count = map.get("count");
        out.writeFieldName("count");
        if (count instanceof Number n) {
            out.writeNumber(n.longValue());
        } else if (count != null) {
            parseCount(out, String.valueOf(count));
        } else {
            out.writeNull();
        }
        JsonOut.field(out, "period", map.get("period"));
        out.writeEndObject();
    }

    private static void parseCount(JsonGenerator out, String text) throws IOException {
        long count;
        try {
            count = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            out.writeString(text);
            return;
        }
        out.writeNumber(count);
    }

    private static void config(JsonGenerator out, SourceDefinition source) throws IOException {
        out.writeStartObject();
        out.writeBooleanField("enabled", source.config.enabled());
        JsonOut.field(out, "event_time", source.config.get("event_time"));
        for (Map.Entry<String, Object> entry : source.config.asMap().entrySet()) {
            if (!CONFIG_KEYS.contains(entry.getKey())) {
                JsonOut.field(out, entry.getKey(), entry.getValue());
            }
        }
        out.writeEndObject();
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
