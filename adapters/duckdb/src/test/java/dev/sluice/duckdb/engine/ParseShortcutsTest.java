package dev.sluice.duckdb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.testkit.TestProject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parse shortcuts (the static parser for literal ref/source/config calls, and the built-in naming macros computed
 * without Jinja) record exactly what rendering with Jinja records, and step aside whenever a project overrides them.
 */
class ParseShortcutsTest {
    /** A comment block makes the static parser step aside, so the same calls go through Jinja. */
    private static final String FORCE_JINJA = "{# rendered #}";

    @TempDir
    Path dir;

    private static final String[] BODIES = {
        "{{ config(materialized='table', tags=['t1', \"t2\"], enabled=true, schema='extra', alias='  renamed ') }}\n"
                + "select * from {{ ref('base') }} join {{ source('raw', 'events') }} using (id)",
        "{{ config(materialized = 'view', database='memory', meta=none, batch_size=5, full_refresh=False) }}"
                + " select * from {{ ref('base') }} union all select * from {{ ref('base') }}",
        "{{ config(tags='single', alias='') }} select 1 as id",
        "select * from {{- ref('base') -}}",
    };

    private TestProject project(Path where, Map<String, String> extra) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("models/base.sql", "select 1 as id");
        files.put("models/sources.yml", "version: 2\nsources:\n  - name: raw\n    tables:\n      - name: events\n"
                + "models:\n  - name: base\n    columns:\n      - name: id\n        tests:\n          - unique\n"
                + "          - not_null:\n              config:\n                schema: audit\n                alias: nn\n");
        for (int i = 0; i < BODIES.length; i++) {
            files.put("models/fast_" + i + ".sql", BODIES[i]);
            files.put("models/slow_" + i + ".sql", FORCE_JINJA + BODIES[i]);
        }
        files.putAll(extra);
        TestProject project = Fixture.project(where, "shortcuts", "", files);
        project.sluice().parse(project.options().build());
        return project;
    }

    private static JsonNode node(TestProject project, String name) {
        return Fixture.json(project, "target/manifest.json").get("nodes").get("model.shortcuts." + name);
    }

    @Test
    void staticParseRecordsWhatTheJinjaRenderRecords() {
        TestProject project = project(dir, Map.of());
        for (int i = 0; i < BODIES.length; i++) {
            JsonNode fast = node(project, "fast_" + i);
            JsonNode slow = node(project, "slow_" + i);
            for (String field : List.of("refs", "sources", "depends_on", "config", "tags", "database", "schema",
                    "alias", "relation_name")) {
                JsonNode expected = slow.get(field);
                JsonNode actual = fast.get(field);
                if (field.equals("alias") || field.equals("relation_name")) {
                    expected = text(expected, "slow_", "fast_");
                }
                assertThat(actual).as("fast_" + i + " " + field).isEqualTo(expected);
            }
        }
        JsonNode first = node(project, "fast_0");
        assertThat(first.get("schema").asText()).isEqualTo("main_extra");
        assertThat(first.get("alias").asText()).isEqualTo("renamed");
        assertThat(first.get("config").get("tags").toString()).isEqualTo("[\"t1\",\"t2\"]");
        assertThat(first.get("depends_on").get("nodes").toString())
                .isEqualTo("[\"model.shortcuts.base\",\"source.shortcuts.raw.events\"]");
        assertThat(node(project, "fast_2").get("alias").asText()).isEqualTo("fast_2");
    }

    private static JsonNode text(JsonNode node, String from, String to) {
        return node == null || !node.isTextual() ? node
                : com.fasterxml.jackson.databind.node.TextNode.valueOf(node.asText().replace(from, to));
    }

    @Test
    void aCopyOfTheBuiltInNamingMacrosInTheProjectNamesEveryNodeAlike() {
        TestProject builtIn = project(dir.resolve("builtin"), Map.of());
        TestProject copied = project(dir.resolve("copied"), Map.of("macros/naming.sql", """
                {% macro generate_schema_name(custom_schema_name, node) -%}
                    {%- set default_schema = target.schema -%}
                    {%- if custom_schema_name is none -%}{{ default_schema }}
                    {%- else -%}{{ default_schema }}_{{ custom_schema_name | trim }}{%- endif -%}
                {%- endmacro %}
                {% macro generate_alias_name(custom_alias_name=none, node=none) -%}
                    {%- if custom_alias_name -%}{{ custom_alias_name | trim }}{%- else -%}{{ node.name }}{%- endif -%}
                {%- endmacro %}
                {% macro generate_database_name(custom_database_name=none, node=none) -%}
                    {%- if custom_database_name is none -%}{{ target.database }}
                    {%- else -%}{{ custom_database_name }}{%- endif -%}
                {%- endmacro %}
                """));
        JsonNode a = Fixture.json(builtIn, "target/manifest.json").get("nodes");
        JsonNode b = Fixture.json(copied, "target/manifest.json").get("nodes");
        assertThat(a.size()).isEqualTo(b.size()).isGreaterThan(10);
        a.fieldNames().forEachRemaining(id -> {
            for (String field : List.of("database", "schema", "alias", "relation_name")) {
                assertThat(a.get(id).get(field)).as(id + " " + field).isEqualTo(b.get(id).get(field));
            }
        });
    }

    @Test
    void aProjectsOwnNamingMacroOrDispatchTargetIsStillCalled() {
        TestProject overridden = project(dir.resolve("override"), Map.of("macros/naming.sql", """
                {% macro generate_schema_name(custom_schema_name, node) -%}
                    custom_{{ node.name }}
                {%- endmacro %}
                {% macro default__generate_alias_name(custom_alias_name=none, node=none) -%}
                    a_{{ node.name }}
                {%- endmacro %}
                """));
        JsonNode base = node(overridden, "base");
        assertThat(base.get("schema").asText()).isEqualTo("custom_base");
        assertThat(base.get("alias").asText()).isEqualTo("a_base");
        JsonNode test = Fixture.json(overridden, "target/manifest.json").get("nodes");
        assertThat(node(overridden, "fast_0").get("schema").asText()).isEqualTo("custom_fast_0");
        assertThat(test.get("model.shortcuts.fast_1").get("alias").asText()).isEqualTo("a_fast_1");
    }
}
