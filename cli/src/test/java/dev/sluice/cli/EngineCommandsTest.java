package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.api.Sluice;
import dev.sluice.core.project.EnvVars;
import dev.sluice.testkit.TestProject;
import dev.sluice.testkit.shop.ShopExpectations;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** debug, parse, run-operation, clean and JSON logs through the command line on the real engine and DuckDB. */
class EngineCommandsTest {
    @TempDir
    Path dir;

    record Outcome(int code, String out) {
    }

    private Outcome sluice(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> env = Map.of("HOME", dir.toString());
        ApiFactory engine = sink -> new Sluice(sink, new EnvVars(env), ApiFactory::adapters);
        Cli cli = new Cli(new CliContext(engine, env, dir, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8), Terminal.NONE, ZoneOffset.UTC));
        int code = cli.execute(args);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void debugChecksProjectProfileAndConnection() {
        TestProject.fromClasspath(ShopExpectations.CLASSPATH_PROJECT, dir);
        Outcome ok = sluice("debug");
        assertThat(ok.code()).as(ok.out()).isZero();
        assertThat(ok.out()).contains("dbt_project.yml file").contains("Connection test").contains("All checks passed!");
        Outcome wrong = sluice("debug", "--target", "nope");
        assertThat(wrong.code()).isEqualTo(1);
        assertThat(wrong.out()).contains("does not have a target named 'nope'");
    }

    @Test
    void parseWritesTheManifestAndCleanRemovesTargets() throws Exception {
        TestProject.fromClasspath(ShopExpectations.CLASSPATH_PROJECT, dir);
        assertThat(sluice("parse").code()).isZero();
        JsonNode manifest = new ObjectMapper().readTree(dir.resolve("target/manifest.json").toFile());
        assertThat(manifest.get("nodes").size()).isEqualTo(28);
        assertThat(manifest.get("metadata").get("project_name").asText()).isEqualTo("shop");
        Outcome clean = sluice("clean");
        assertThat(clean.code()).isZero();
        assertThat(dir.resolve("target")).doesNotExist();
    }

    @Test
    void runOperationCallsAMacroWithArgumentsAgainstTheWarehouse() throws Exception {
        TestProject.fromClasspath(ShopExpectations.CLASSPATH_PROJECT, dir)
                .write("macros/make_table.sql", """
                        {% macro make_table(name, rows) %}
                          {% do run_query('create or replace table main.' ~ name ~ ' as select range as n from range(' ~ rows ~ ')') %}
                          {% set counted = run_query('select count(*) from main.' ~ name).columns[0].values()[0] %}
                          {{ log('made ' ~ name ~ ' with ' ~ counted ~ ' rows', info=True) }}
                        {% endmacro %}
                        """);
        Outcome outcome = sluice("run-operation", "make_table", "--args", "{name: numbers, rows: 7}");
        assertThat(outcome.code()).as(outcome.out()).isZero();
        assertThat(outcome.out()).contains("made numbers with 7 rows");
        Outcome shown = sluice("show", "--inline", "select count(*) as n from main.numbers", "--output", "json");
        assertThat(new ObjectMapper().readTree(shown.out()).get("show").get(0).get("n").asInt()).isEqualTo(7);
    }

    @Test
    void jsonLogLinesAreJsonAndLogsGoToTheLogFile() throws Exception {
        TestProject.fromClasspath(ShopExpectations.CLASSPATH_PROJECT, dir);
        Outcome outcome = sluice("seed", "--log-format", "json");
        assertThat(outcome.code()).isZero();
        List<String> lines = outcome.out().lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).isNotEmpty();
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            JsonNode node = json.readTree(line);
            assertThat(node.has("info")).as(line).isTrue();
            assertThat(node.get("info").has("msg")).isTrue();
        }
        assertThat(String.join("\n", lines)).contains("raw_customers");
        assertThat(Files.readString(dir.resolve("logs/dbt.log"))).contains("raw_customers");
    }
}
