package dev.sluice.duckdb.engine;

import static dev.sluice.duckdb.engine.Fixture.lines;
import static dev.sluice.duckdb.engine.Fixture.relations;
import static dev.sluice.duckdb.engine.Fixture.summary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.execute.NodeResult;
import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.execute.RunResults;
import dev.sluice.testkit.TestProject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dbt Jinja context on real DuckDB: ref/source/config/var/env_var/this/target, adapter, queries, macros. */
class JinjaContextTest {
    @TempDir
    Path dir;

    private static final String MACROS = """
            {% macro default__cast_text(x) %}cast({{ x }} as varchar) /* default */{% endmacro %}
            {% macro duckdb__cast_text(x) %}cast({{ x }} as text) /* duckdb */{% endmacro %}
            {% macro cast_text(x) %}{{ return(adapter.dispatch('cast_text')(x)) }}{% endmacro %}
            {% macro status_list() %}{{ return(['placed', 'shipped']) }}{% endmacro %}
            {% macro settings() %}{{ return({'factor': 10, 'label': 'ten'}) }}{% endmacro %}
            {% macro default__test_not_null(model, column_name) %}
            /* project not_null */ select * from {{ model }} where {{ column_name }} is null
            {% endmacro %}
            """;

    private TestProject project(Map<String, String> models) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("macros/helpers.sql", MACROS);
        files.put("models/base.sql", "select 1 as id, 'a' as code union all select 2, 'b'");
        files.putAll(models);
        return Fixture.project(dir, "ctx", "models:\n  ctx:\n    +materialized: view\n", files);
    }

    private RunResults runGreen(TestProject project) {
        RunResults results = project.sluice().run(project.options().build());
        assertThat(results.failed()).as(summary(results)).isFalse();
        return results;
    }

    @Test
    void refWithOneAndTwoArgumentsSourceAndConfigPrecedence() {
        TestProject project = project(Map.of(
                "models/refs.sql", "select b1.id from {{ ref('base') }} b1 join {{ ref('ctx', 'base') }} b2 using (id)",
                "models/configured.sql", "{{ config(materialized='table', my_key='from_file') }}\n"
                        + "select '{{ config.get(\"my_key\") }}' as k, '{{ config.get(\"missing_key\", \"dflt\") }}' as d,"
                        + " '{{ config.get(\"materialized\") }}' as m, '{{ config.get(\"other\") }}' as o",
                "models/schema.yml", """
                        version: 2
                        models:
                          - name: configured
                            config:
                              materialized: ephemeral
                              my_key: from_yaml
                              other: yaml_only
                        """));
        runGreen(project);
        assertThat(Fixture.read(project, "target/compiled/ctx/models/refs.sql")).isEqualTo(
                "select b1.id from \"warehouse\".\"main\".\"base\" b1 join \"warehouse\".\"main\".\"base\" b2 using (id)");
        assertThat(lines(project, "select * from {{ ref('refs') }} order by 1")).containsExactly("1", "2");
        assertThat(relations(project, "configured")).containsExactly("main.configured BASE TABLE");
        assertThat(lines(project, "select * from {{ ref('configured') }}"))
                .containsExactly("from_file|dflt|table|yaml_only");
    }

    @Test
    void varEnvVarThisTargetIsIncrementalDispatchAndQuote() {
        TestProject project = project(Map.of("models/context.sql", """
                {{ config(materialized='table') }}
                select '{{ this }}' as this_rel, '{{ this.identifier }}' as ident, '{{ target.name }}' as tname,
                  '{{ target.schema }}' as tschema, {{ var('n', 5) }} as n, {{ var('m', 5) }} as m,
                  '{{ env_var('SLUICE_CTX', 'fallback') }}' as ev, '{{ env_var('SLUICE_CTX_SET', 'fallback') }}' as ev2,
                  {{ 'true' if is_incremental() else 'false' }} as inc,
                  {{ cast_text('id') }} as id_text,
                  1 as {{ adapter.quote('Weird Col') }}
                from {{ ref('base') }} where id = 1
                """)).env("SLUICE_CTX_SET", "from_env");
        RunResults results = project.sluice().run(project.options().vars(Map.of("m", 7)).build());
        assertThat(results.failed()).as(summary(results)).isFalse();
        assertThat(lines(project, "select * exclude (\"Weird Col\") from {{ ref('context') }}")).containsExactly(
                "\"warehouse\".\"main\".\"context\"|context|dev|main|5|7|fallback|from_env|false|1");
        assertThat(Fixture.read(project, "target/compiled/ctx/models/context.sql"))
                .contains("cast(id as text) /* duckdb */").contains("1 as \"Weird Col\"");
    }

    @Test
    void missingVarAndMissingEnvVarAreErrors() {
        TestProject project = project(Map.of("models/needs_var.sql", "select {{ var('not_defined_anywhere') }} as x"));
        assertThatThrownBy(() -> project.sluice().run(project.options().build()))
                .isInstanceOf(SluiceException.class)
                .hasMessageContaining("Required var 'not_defined_anywhere' not found");
        project.delete("models/needs_var.sql")
                .write("models/needs_env.sql", "select '{{ env_var('SLUICE_SURELY_UNSET') }}' as x");
        assertThatThrownBy(() -> project.sluice().run(project.options().build()))
                .isInstanceOf(SluiceException.class)
                .hasMessageContaining("Env var required but not provided: 'SLUICE_SURELY_UNSET'");
    }

    @Test
    void adapterIntrospectionAndRunQueryGenerateSql() {
        TestProject project = project(Map.of(
                "models/introspect.sql", """
                        {% set base_rel = ref('base') %}
                        {% set found = adapter.get_relation(database=this.database, schema=this.schema, identifier='base') %}
                        {% set missing = adapter.get_relation(database=this.database, schema=this.schema, identifier='nope') %}
                        {% set cols = adapter.get_columns_in_relation(base_rel) %}
                        select '{{ found.identifier if found is not none else "none" }}' as found,
                          '{{ "none" if missing is none else "some" }}' as missing,
                          '{{ cols | map(attribute="name") | join(",") }}' as cols,
                          '{{ cols[1].dtype if execute else "" }}' as code_type
                        """,
                "models/pivoted.sql", """
                        {% set codes_query %}select code from {{ ref('base') }} order by code{% endset %}
                        {% if execute %}
                          {% set codes = run_query(codes_query).columns[0].values() %}
                        {% else %}
                          {% set codes = [] %}
                        {% endif %}
                        select
                        {% for code in codes %}
                          sum(case when code = '{{ code }}' then 1 else 0 end) as n_{{ code }}{{ "," if not loop.last }}
                        {% endfor %}
                        from {{ ref('base') }}
                        """,
                "models/stated.sql", """
                        {% call statement('max_id', fetch_result=True) %}
                          select max(id) as m, count(*) as c from {{ ref('base') }}
                        {% endcall %}
                        {% if execute %}
                          {% set r = load_result('max_id') %}
                          {% set max_id = r['data'][0][0] %}
                          {% set cnt = r['table'].columns[1].values()[0] %}
                        {% else %}
                          {% set max_id = 0 %}{% set cnt = 0 %}
                        {% endif %}
                        select {{ max_id }} as max_id, {{ cnt }} as cnt
                        """));
        runGreen(project);
        assertThat(lines(project, "select * from {{ ref('introspect') }}")).containsExactly("base|none|id,code|VARCHAR");
        assertThat(lines(project, "select * from {{ ref('pivoted') }}")).containsExactly("1|1");
        assertThat(Fixture.read(project, "target/compiled/ctx/models/pivoted.sql")).contains("as n_a,").contains("as n_b");
        assertThat(lines(project, "select * from {{ ref('stated') }}")).containsExactly("2|2");
    }

    @Test
    void macrosReturnListsAndDictsAndPythonModulesWork() {
        TestProject project = project(Map.of("models/pythonish.sql", """
                {% set statuses = status_list() %}
                {% set s = settings() %}
                {% set now = modules.datetime.datetime.now() %}
                {% set m = modules.re.search('(\\\\d+)-(\\\\d+)', 'order 12-34') %}
                {% set parsed = fromjson('{"a": [1, 2]}') %}
                {% set y = fromyaml('k: v\\nlist: [x, y]') %}
                {% do log('pythonish model rendering', info=True) %}
                select '{{ statuses | join("|") }}' as statuses, {{ statuses | length }} as n, {{ s['factor'] }} as factor,
                  '{{ s.label }}' as label, {{ now.year }} > 2000 as recent, '{{ m.group(2) }}' as grp,
                  {{ parsed['a'][1] }} as a1, '{{ y['list'][1] }}' as y1, '{{ tojson({"k": 1}) }}' as js,
                  '{% for a, b in zip([1, 2], ["x", "y"]) %}{{ a }}{{ b }}{% endfor %}' as zipped
                """));
        runGreen(project);
        assertThat(lines(project, "select * from {{ ref('pythonish') }}"))
                .containsExactly("placed|shipped|2|10|ten|true|34|2|y|{\"k\": 1}|1x2y");
        assertThat(project.events().messages()).contains("pythonish model rendering");
    }

    @Test
    void raiseCompilerErrorFailsTheNodeByNameAndSkipsItsChildren() {
        TestProject project = project(Map.of(
                "models/boom.sql", "{% if execute %}{{ exceptions.raise_compiler_error('boom: bad input') }}{% endif %}\n"
                        + "select 1 as id",
                "models/after_boom.sql", "select * from {{ ref('boom') }}"));
        RunResults results = project.sluice().run(project.options().build());
        NodeResult boom = Fixture.result(results, "model.ctx.boom");
        assertThat(boom.status()).isEqualTo(NodeStatus.ERROR);
        assertThat(boom.message()).contains("Compilation Error").contains("model ctx.boom").contains("boom: bad input")
                .contains("models/boom.sql");
        NodeResult after = Fixture.result(results, "model.ctx.after_boom");
        assertThat(after.status()).isEqualTo(NodeStatus.SKIPPED);
        assertThat(Fixture.result(results, "model.ctx.base").status()).isEqualTo(NodeStatus.SUCCESS);
        assertThat(results.failed()).isTrue();
    }

    @Test
    void projectOverridesOfNamingMacrosAndOfBuiltInTestMacros() {
        TestProject project = project(Map.of(
                "macros/naming.sql", """
                        {% macro generate_schema_name(custom_schema_name, node) -%}
                            {%- if custom_schema_name is none -%}{{ target.schema }}{%- else -%}{{ custom_schema_name | trim }}{%- endif -%}
                        {%- endmacro %}
                        {% macro generate_alias_name(custom_alias_name=none, node=none) -%}
                            {%- if custom_alias_name -%}{{ custom_alias_name | trim }}{%- else -%}{{ node.name ~ '_v1' }}{%- endif -%}
                        {%- endmacro %}
                        {% macro generate_database_name(custom_database_name=none, node=none) -%}
                            {{ (custom_database_name or target.database) | trim }}
                        {%- endmacro %}
                        """,
                "models/marts/revenue.sql", "{{ config(schema='reporting') }} select * from {{ ref('base') }}",
                "models/aliased.sql", "{{ config(alias='nice_name') }} select 1 as id",
                "models/schema.yml", "version: 2\nmodels:\n  - name: base\n    columns:\n      - name: id\n"
                        + "        tests: [not_null]\n"));
        RunResults results = project.sluice().build(project.options().build());
        assertThat(results.failed()).as(summary(results)).isFalse();
        assertThat(relations(project, "base_v1", "revenue_v1", "nice_name")).containsExactly(
                "main.base_v1 VIEW", "main.nice_name VIEW", "reporting.revenue_v1 VIEW");
        assertThat(Fixture.read(project, "target/compiled/ctx/models/marts/revenue.sql"))
                .contains("\"warehouse\".\"main\".\"base_v1\"");
        assertThat(Fixture.read(project, "target/compiled/ctx/models/schema.yml/not_null_base_id.sql"))
                .contains("/* project not_null */");
    }

    @Test
    void pythonStringMethodsMacrosAsValuesAndRunStartedAtInAModel() {
        TestProject project = project(Map.of(
                "macros/upper_cols.sql", """
                        {% macro upper_all(rel, transform) %}
                          {%- set cols = adapter.get_columns_in_relation(rel) -%}
                          {%- for col in cols -%}{{ transform(col.name) }} as {{ col.name.upper() }}{{ ", " if not loop.last }}{%- endfor -%}
                        {% endmacro %}
                        {% macro as_text(c) %}cast({{ c }} as varchar){% endmacro %}
                        """,
                "models/shouty.sql", """
                        {% set base_rel = ref('base') %}
                        {% set qualified = 'warehouse.main.base'.split('.') %}
                        select {{ upper_all(base_rel, as_text) }},
                          '{{ qualified[-1] }}' as last_part, '{{ "{}-{}".format("a", "b") }}' as fmt,
                          {{ run_started_at.strftime('%Y') }} >= 2024 as started_recently
                        from {{ base_rel }}
                        """));
        runGreen(project);
        assertThat(lines(project, "select * from {{ ref('shouty') }} order by 1")).containsExactly(
                "1|a|base|a-b|true", "2|b|base|a-b|true");
        assertThat(lines(project, "select column_name from information_schema.columns where table_name = 'shouty'"
                + " order by ordinal_position")).startsWith("ID", "CODE");
        assertThat(Fixture.read(project, "target/compiled/ctx/models/shouty.sql"))
                .contains("cast(id as varchar) as ID, cast(code as varchar) as CODE");
    }
}
