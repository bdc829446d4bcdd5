package dev.sluice.duckdb.engine;

import static dev.sluice.duckdb.engine.Fixture.lines;
import static dev.sluice.duckdb.engine.Fixture.relations;
import static dev.sluice.duckdb.engine.Fixture.summary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.core.api.InvocationOptions;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.execute.NodeResult;
import dev.sluice.core.execute.RunResults;
import dev.sluice.core.project.YamlReader;
import dev.sluice.testkit.TestProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dbt_project.yml (paths, folder configs, hooks, Jinja in YAML) and profiles.yml (lookup, env_var, --target, --vars). */
class ProjectLoadingTest {
    @TempDir
    Path dir;

    private static final String FOLDERS = """
            model-paths: ["transform"]
            seed-paths: ["data"]
            target-path: "out"
            vars:
              region: eu
            models:
              shop:
                +tags: ["nightly"]
                staging:
                  +materialized: view
                marts:
                  materialized: table
                  +schema: analytics
                  +tags: "finance"
                  legacy:
                    +enabled: false
            """;

    @Test
    void pathsFolderConfigsCustomSchemaTagsAndDisabledFolder() {
        TestProject project = Fixture.project(dir, "shop", FOLDERS, Map.of(
                "transform/staging/stg_a.sql", "select 1 as id, '{{ var(\"region\") }}' as region",
                "transform/marts/fct.sql", "select * from {{ ref('stg_a') }}",
                "transform/marts/legacy/old.sql", "select 1 as id",
                "transform/marts/schema.yml", "version: 2\nmodels:\n  - name: old\n    columns:\n      - name: id\n"
                        + "        data_tests: [unique]\n  - name: fct\n    columns:\n      - name: id\n"
                        + "        data_tests:\n          - relationships:\n              to: ref('old')\n"
                        + "              field: id\n",
                "data/countries.csv", "code,name\nfr,France\n"));
        RunResults results = project.sluice().build(project.options().build());

        assertThat(results.results()).extracting(NodeResult::uniqueId)
                .containsExactlyInAnyOrder("seed.shop.countries", "model.shop.stg_a", "model.shop.fct");
        assertThat(results.failed()).as(summary(results)).isFalse();
        assertThat(Fixture.warnings(project))
                .anyMatch(w -> w.contains("unique_old_id") && w.contains("'old' which is disabled"))
                .anyMatch(w -> w.contains("relationships_fct_id__id__ref_old_") && w.contains("which is disabled"));
        assertThat(relations(project, "stg_a", "fct", "old", "countries")).containsExactly(
                "main.countries BASE TABLE", "main.stg_a VIEW", "main_analytics.fct BASE TABLE");
        assertThat(lines(project, "select id, region from {{ ref('fct') }}")).containsExactly("1|eu");
        assertThat(Fixture.read(project, "out/compiled/shop/transform/staging/stg_a.sql")).contains("'eu' as region");
        assertThat(Files.exists(dir.resolve("target"))).isFalse();

        JsonNode manifest = Fixture.json(project, "out/manifest.json");
        JsonNode fct = manifest.at("/nodes/model.shop.fct");
        assertThat(fct.at("/config/materialized").asText()).isEqualTo("table");
        assertThat(fct.at("/schema").asText()).isEqualTo("main_analytics");
        assertThat(fct.at("/tags").toString()).isEqualTo("[\"nightly\",\"finance\"]");
        assertThat(manifest.at("/nodes/model.shop.stg_a/config/materialized").asText()).isEqualTo("view");
        assertThat(manifest.at("/nodes/model.shop.stg_a/tags").toString()).isEqualTo("[\"nightly\"]");
        assertThat(manifest.at("/nodes").has("model.shop.old")).isFalse();
        assertThat(manifest.at("/disabled").has("model.shop.old")).isTrue();
    }

    @Test
    void tagSelectionUsesFolderTags() {
        TestProject project = Fixture.project(dir, "shop", FOLDERS, Map.of(
                "transform/staging/stg_a.sql", "select 1 as id",
                "transform/marts/fct.sql", "select * from {{ ref('stg_a') }}"));
        RunResults results = project.sluice().run(project.options().select(List.of("tag:finance")).build());
        assertThat(results.results()).extracting(NodeResult::uniqueId).containsExactly("model.shop.fct");
    }

    @Test
    void onRunStartAndOnRunEndHooksRunAroundTheNodes() {
        TestProject project = Fixture.project(dir, "hooks", """
                on-run-start:
                  - "create table if not exists {{ target.schema }}.audit (event varchar)"
                  - "insert into {{ target.schema }}.audit values ('start')"
                on-run-end: "insert into {{ target.schema }}.audit select 'end ' || {{ results | length }} || ' ' || (select count(*) from {{ target.schema }}.m)"
                """, Map.of("models/m.sql", "select 1 as x union all select 2"));
        RunResults results = project.sluice().run(project.options().build());
        assertThat(results.failed()).as(summary(results)).isFalse();
        assertThat(lines(project, "select event from main.audit order by event desc")).containsExactly("start", "end 1 2");
    }

    @Test
    void jinjaInProjectYamlSeesCliVarsAndEnvVars() {
        String yaml = """
                models:
                  flags:
                    optional:
                      +enabled: "{{ var('flag', false) }}"
                    +schema: "{{ env_var('SLUICE_CUSTOM', 'd') }}"
                """;
        Map<String, String> files = Map.of("models/base.sql", "select 1 as id",
                "models/optional/extra.sql", "select * from {{ ref('base') }}");
        TestProject off = Fixture.project(dir.resolve("off"), "flags", yaml, files);
        RunResults first = off.sluice().run(off.options().build());
        assertThat(first.results()).extracting(NodeResult::uniqueId).containsExactly("model.flags.base");
        assertThat(relations(off, "base")).containsExactly("main_d.base VIEW");

        TestProject on = Fixture.project(dir.resolve("on"), "flags", yaml, files).env("SLUICE_CUSTOM", "x");
        RunResults second = on.sluice().run(on.options().vars(Map.of("flag", true)).build());
        assertThat(second.results()).extracting(NodeResult::uniqueId)
                .containsExactly("model.flags.base", "model.flags.extra");
        assertThat(relations(on, "base", "extra")).containsExactly("main_x.base VIEW", "main_x.extra VIEW");
    }

    private static final String PROFILE_MODEL = "select '{{ target.name }}' as t, '{{ target.schema }}' as s";

    @Test
    void profilesDirOptionWins() throws Exception {
        TestProject project = Fixture.project(dir, "p", "", Map.of("models/who.sql", PROFILE_MODEL));
        project.delete("profiles.yml");
        Path elsewhere = dir.resolve("conf");
        Files.createDirectories(elsewhere);
        Files.writeString(elsewhere.resolve("profiles.yml"), profile("p", "dev", "from_option"));
        InvocationOptions options = InvocationOptions.builder(dir).profilesDir(elsewhere).build();
        project.sluice().run(options);
        assertThat(project.sluice().show(options, "select * from {{ ref('who') }}", -1).preview().rows())
                .containsExactly(List.of("dev", "from_option"));
    }

    @Test
    void dbtProfilesDirEnvironmentVariableThenProjectFolder() throws Exception {
        TestProject project = Fixture.project(dir, "p", "", Map.of("models/who.sql", PROFILE_MODEL));
        project.write("profiles.yml", profile("p", "dev", "from_project"));
        Path envDir = dir.resolve("envdir");
        Files.createDirectories(envDir);
        Files.writeString(envDir.resolve("profiles.yml"), profile("p", "dev", "from_env"));

        InvocationOptions noDir = InvocationOptions.builder(dir).build();
        project.env("DBT_PROFILES_DIR", envDir.toString());
        project.sluice().run(noDir);
        assertThat(project.sluice().show(noDir, "select s from {{ ref('who') }}", -1).preview().rows())
                .containsExactly(List.of("from_env"));

        TestProject plain = TestProject.at(dir).env("DBT_PROFILES_DIR", dir.resolve("missing").toString());
        assertThatThrownBy(() -> plain.sluice().parse(noDir)).isInstanceOf(SluiceException.class)
                .hasMessageContaining("profiles.yml");
        TestProject inProject = TestProject.at(dir).env("DBT_PROFILES_DIR", "");
        inProject.sluice().run(noDir);
        assertThat(inProject.sluice().show(noDir, "select s from {{ ref('who') }}", -1).preview().rows())
                .containsExactly(List.of("from_project"));
    }

    @Test
    void envVarInProfilesAndTargetOptionPicksAnotherOutput() {
        TestProject project = Fixture.project(dir, "p", "", Map.of("models/who.sql", PROFILE_MODEL));
        project.write("profiles.yml", """
                p:
                  target: dev
                  outputs:
                    dev:
                      type: duckdb
                      path: "{{ env_var('SLUICE_DB', 'dev') }}.duckdb"
                      schema: "{{ env_var('SLUICE_SCHEMA') }}"
                      threads: "{{ env_var('SLUICE_THREADS', '2') | int }}"
                    prod:
                      type: duckdb
                      path: prod.duckdb
                      schema: prod_schema
                """).env("SLUICE_SCHEMA", "dev_schema");
        RunResults dev = project.sluice().run(project.options().build());
        assertThat(dev.failed()).as(summary(dev)).isFalse();
        assertThat(Files.exists(dir.resolve("dev.duckdb"))).isTrue();
        assertThat(lines(project, "select * from {{ ref('who') }}")).containsExactly("dev|dev_schema");
        assertThat(lines(project, "select {{ target.threads }}")).containsExactly("2");

        InvocationOptions prod = project.options().target("prod").build();
        project.sluice().run(prod);
        assertThat(Files.exists(dir.resolve("prod.duckdb"))).isTrue();
        assertThat(project.sluice().show(prod, "select * from {{ ref('who') }}", -1).preview().rows())
                .containsExactly(List.of("prod", "prod_schema"));
    }

    @Test
    void missingEnvVarInProfilesIsAnError() {
        TestProject project = Fixture.project(dir, "p", "", Map.of("models/who.sql", PROFILE_MODEL));
        project.write("profiles.yml", "p:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n"
                + "      schema: \"{{ env_var('SLUICE_NOT_SET_ANYWHERE') }}\"\n");
        assertThatThrownBy(() -> project.sluice().parse(project.options().build()))
                .isInstanceOf(SluiceException.class)
                .hasMessageContaining("SLUICE_NOT_SET_ANYWHERE");
    }

    @Test
    @SuppressWarnings("unchecked")
    void cliVarsAsYamlMapOverrideProjectVars() {
        TestProject project = Fixture.project(dir, "v", "vars:\n  region: eu\n  n: 1\n", Map.of(
                "models/m.sql", "select '{{ var('region') }}' as region, {{ var('limits')['max'] }} as max_n, "
                        + "{{ var('n') }} as n"));
        Map<String, Object> vars = (Map<String, Object>) YamlReader.parse("{region: us, limits: {max: 3}}", "--vars");
        RunResults results = project.sluice().run(project.options().vars(vars).build());
        assertThat(results.failed()).as(summary(results)).isFalse();
        assertThat(project.sluice().show(project.options().vars(vars).build(), "select * from {{ ref('m') }}", -1)
                .preview().rows()).containsExactly(List.of("us", 3, 1));
    }

    private static String profile(String name, String target, String schema) {
        return name + ":\n  target: " + target + "\n  outputs:\n    " + target + ":\n      type: duckdb\n"
                + "      path: warehouse.duckdb\n      schema: " + schema + "\n";
    }
}
