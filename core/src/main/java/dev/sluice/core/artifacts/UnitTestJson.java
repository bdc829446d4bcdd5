package dev.sluice.core.artifacts;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.UnitTestDefinition;
import dev.sluice.core.unittest.SqlValues;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of {@code unit_tests} in dbt's v12 shape: model, given, expect, overrides, depends_on, config and the
 * identity fields. Fixture rows are written as declared (a list of dicts, or csv/sql text, or null with a fixture
 * file's name).
 */
final class UnitTestJson {
    private final BigDecimal createdAt;

    UnitTestJson(BigDecimal createdAt) {
        this.createdAt = createdAt;
    }

    void write(JsonGenerator out, Node node) throws IOException {
        UnitTestDefinition definition = node.unitTest;
        out.writeStartObject();
        JsonOut.string(out, "model", definition.model());
        out.writeArrayFieldStart("given");
        for (UnitTestDefinition.Given input : definition.given()) {
            out.writeStartObject();
            JsonOut.string(out, "input", input.input());
            fixture(out, input.fixture());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeObjectFieldStart("expect");
        fixture(out, definition.expect());
        out.writeEndObject();
        JsonOut.string(out, "name", node.name);
        JsonOut.string(out, "resource_type", "unit_test");
        JsonOut.string(out, "package_name", node.packageName);
        // as for other YAML-defined resources, the YAML file's project-relative path in both fields
        JsonOut.string(out, "path", node.originalFilePath);
        JsonOut.string(out, "original_file_path", node.originalFilePath);
        JsonOut.string(out, "unique_id", node.uniqueId);
        JsonOut.strings(out, "fqn", node.fqn);
        JsonOut.string(out, "description", node.description == null ? "" : node.description);
        out.writeFieldName("overrides");
        overrides(out, definition.overrides());
        out.writeObjectFieldStart("depends_on");
        JsonOut.strings(out, "macros", node.dependsOnMacros);
        JsonOut.strings(out, "nodes", node.dependsOnNodes);
        out.writeEndObject();
        out.writeFieldName("config");
        config(out, node);
        JsonOut.string(out, "checksum", node.checksum);
        JsonOut.string(out, "schema", node.schema);
        out.writeFieldName("created_at");
        out.writeNumber(createdAt);
        out.writeNullField("versions");
        out.writeNullField("version");
        out.writeEndObject();
    }

    private static void fixture(JsonGenerator out, UnitTestDefinition.Fixture fixture) throws IOException {
        JsonOut.field(out, "rows", readable(fixture.rows()));
        JsonOut.string(out, "format", fixture.format().dbtName());
        JsonOut.string(out, "fixture", fixture.fixture());
    }

    private static void overrides(JsonGenerator out, UnitTestDefinition.Overrides overrides) throws IOException {
        if (!overrides.declared()) {
            out.writeNull();
            return;
        }
        out.writeStartObject();
        JsonOut.field(out, "macros", overrides.macros());
        JsonOut.field(out, "vars", overrides.vars());
        JsonOut.field(out, "env_vars", overrides.envVars());
        out.writeEndObject();
    }

    private static void config(JsonGenerator out, Node node) throws IOException {
        out.writeStartObject();
        out.writeBooleanField("enabled", node.config.enabled());
        JsonOut.strings(out, "tags", node.tags());
        out.writeFieldName("meta");
        JsonOut.objectValue(out, node.config.get("meta"));
        for (Map.Entry<String, Object> entry : node.config.asMap().entrySet()) {
            String k = entry.getKey();
            if (!k.equals("enabled") && !k.equals("tags") && !k.equals("meta")) {
                JsonOut.field(out, k, entry.getValue());
            }
        }
        out.writeEndObject();
    }

    /** YAML timestamps in rows as the ISO text a user wrote, not Java's Date.toString(). */
    private static Object readable(Object value) {
        if (value instanceof Date date) {
            return SqlValues.text(date);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), readable(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(UnitTestJson::readable).toList();
        }
        return value;
    }
}
