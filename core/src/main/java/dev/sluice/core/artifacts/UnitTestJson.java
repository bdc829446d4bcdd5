package dev.sluice.core.artifacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.UnitTestDefinition;
import dev.sluice.core.unittest.SqlValues;
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
    private final JsonNode createdAt;

    UnitTestJson(JsonNode createdAt) {
        this.createdAt = createdAt;
    }

    ObjectNode toJson(Node node) {
        UnitTestDefinition definition = node.unitTest;
        ObjectNode out = Json.object();
        out.put("model", definition.model());
        ArrayNode given = Json.array();
        for (UnitTestDefinition.Given input : definition.given()) {
            ObjectNode entry = Json.object();
            entry.put("input", input.input());
            fixture(input.fixture(), entry);
            given.add(entry);
        }
        out.set("given", given);
        ObjectNode expect = Json.object();
        fixture(definition.expect(), expect);
        out.set("expect", expect);
        out.put("name", node.name);
        out.put("resource_type", "unit_test");
        out.put("package_name", node.packageName);
        // as for other YAML-defined resources, the YAML file's project-relative path in both fields
        out.put("path", node.originalFilePath);
        out.put("original_file_path", node.originalFilePath);
        out.put("unique_id", node.uniqueId);
        out.set("fqn", Json.strings(node.fqn));
        out.put("description", node.description == null ? "" : node.description);
        out.set("overrides", overrides(definition.overrides()));
        ObjectNode dependsOn = Json.object();
        dependsOn.set("macros", Json.strings(node.dependsOnMacros));
        dependsOn.set("nodes", Json.strings(node.dependsOnNodes));
        out.set("depends_on", dependsOn);
        out.set("config", config(node));
        out.put("checksum", node.checksum);
        out.put("schema", node.schema);
        out.set("created_at", createdAt);
        out.putNull("versions");
        out.putNull("version");
        return out;
    }

    private static void fixture(UnitTestDefinition.Fixture fixture, ObjectNode out) {
        out.set("rows", Json.value(readable(fixture.rows())));
        out.put("format", fixture.format().dbtName());
        out.put("fixture", fixture.fixture());
    }

    private static JsonNode overrides(UnitTestDefinition.Overrides overrides) {
        if (!overrides.declared()) {
            return Json.value(null);
        }
        ObjectNode out = Json.object();
        out.set("macros", Json.value(overrides.macros()));
        out.set("vars", Json.value(overrides.vars()));
        out.set("env_vars", Json.value(overrides.envVars()));
        return out;
    }

    private static ObjectNode config(Node node) {
        ObjectNode out = Json.object();
        out.put("enabled", node.config.enabled());
        out.set("tags", Json.strings(node.tags()));
        out.set("meta", Json.objectValue(node.config.get("meta")));
        node.config.asMap().forEach((k, v) -> {
            if (!k.equals("enabled") && !k.equals("tags") && !k.equals("meta")) {
                out.set(k, Json.value(v));
            }
        });
        return out;
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
