package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.api.Sluice;
import dev.sluice.core.project.EnvVars;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance: bad input gives one clear message naming the file, the line and the node, a non-zero exit code, and
 * never a stack trace. Runs the real engine on real DuckDB through the command line.
 */
class BadInputTest {
    @TempDir
    Path dir;

    record Outcome(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    @BeforeEach
    void project() throws IOException {
        write("dbt_project.yml", "name: shop\nprofile: shop\n");
        write("profiles.yml", "shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: shop.duckdb\n");
        write("seeds/people.csv", "id,name\n1,ann\n2,bob\n");
        write("models/people_view.sql", "select * from {{ ref('people') }}\n");
    }

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private Outcome sluice(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = Map.of("HOME", dir.toString());
        ApiFactory engine = sink -> new Sluice(sink, new EnvVars(env), ApiFactory::adapters);
        Cli cli = new Cli(new CliContext(engine, env, dir, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Terminal.NONE, ZoneOffset.UTC));
        int code = cli.execute(args);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertClear(Outcome outcome, int code, String... fragments) {
        assertThat(outcome.code()).as(outcome.all()).isEqualTo(code);
        assertThat(outcome.all()).contains(fragments);
        assertThat(outcome.all()).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("Internal error");
    }

    @Test
    void malformedYamlNamesTheFileAndLine() throws IOException {
        write("models/schema.yml", "version: 2\nmodels:\n  - name: people_view\n    columns:\n   - name: id\n");
        assertClear(sluice("run"), 2, "Parsing Error", "models/schema.yml:5");
    }

    @Test
    void aDuplicateKeyInYamlNamesTheFileAndLine() throws IOException {
        write("models/schema.yml", "version: 2\nmodels:\n  - name: people_view\n    description: a\n"
                + "    description: b\n");
        assertClear(sluice("parse"), 2, "Parsing Error", "models/schema.yml:5", "found duplicate key description");
    }

    @Test
    void amongManySchemaFilesTheFirstBadOneInFileOrderIsReported() throws IOException {
        // enough files for the schema files to be parsed on several threads
        for (int i = 0; i < 300; i++) {
            write(String.format("models/m%03d.yml", i), "version: 2\nmodels:\n  - name: m" + i + "\n");
        }
        write("models/m120.yml", "version: 2\nmodels:\n  - name: m120\n    columns:\n   - name: id\n");
        write("models/m250.yml", "version: 2\nmodels: [\n");
        for (int round = 0; round < 3; round++) {
            Outcome outcome = sluice("parse");
            assertClear(outcome, 2, "Parsing Error", "models/m120.yml:5");
            assertThat(outcome.all()).doesNotContain("m250.yml");
        }
    }

    @Test
    void amongManyTestsTheFirstBadOneInFileOrderIsReported() throws IOException {
        for (int i = 0; i < 300; i++) {
            write(String.format("models/m%03d.sql", i), "select 1 as id\n");
            write(String.format("models/m%03d.yml", i), "version: 2\nmodels:\n  - name: m" + String.format("%03d", i)
                    + "\n    columns:\n      - name: id\n        tests: [unique, not_null]\n");
        }
        write("models/m120.yml", "version: 2\nmodels:\n  - name: m120\n    columns:\n      - name: id\n"
                + "        tests: [unique, {not_null: 5}]\n");
        write("models/m250.yml", "version: 2\nmodels:\n  - name: m250\n    columns:\n      - name: id\n"
                + "        tests: [{unique: 7}]\n");
        for (int round = 0; round < 3; round++) {
            Outcome outcome = sluice("parse");
            assertClear(outcome, 2, "models/m120.yml:5", "arguments of test 'not_null' must be a mapping");
            assertThat(outcome.all()).doesNotContain("m250.yml");
        }
    }

    @Test
    void whatSchemaFilesLogComesOutInFileOrder() throws IOException {
        for (int i = 0; i < 200; i++) {
            write(String.format("models/m%03d.yml", i), "version: 2\nmodels:\n  - name: m" + i
                    + "\n    description: \"{{ log('schema file " + i + "', info=True) }}\"\n");
        }
        Outcome outcome = sluice("parse");
        assertThat(outcome.code()).as(outcome.all()).isZero();
        int previous = -1;
        for (int i = 0; i < 200; i++) {
            int at = outcome.all().indexOf("schema file " + i + "\n");
            assertThat(at).as("schema file " + i).isGreaterThan(previous);
            previous = at;
        }
    }

    @Test
    void unknownRefNamesTheModelFileAndLine() throws IOException {
        write("models/orders.sql", "select 1 as id\nfrom {{ ref('nope') }}\n");
        assertClear(sluice("run"), 2, "model shop.orders", "models/orders.sql:2",
                "depends on a node named 'nope' which was not found");
    }

    @Test
    void aCycleNamesItsNodes() throws IOException {
        write("models/a.sql", "select * from {{ ref('b') }}\n");
        write("models/b.sql", "select * from {{ ref('a') }}\n");
        assertClear(sluice("run"), 2, "Found a cycle", "model.shop.a", "model.shop.b");
    }

    @Test
    void aMissingProfileSaysWhichAndWhere() throws IOException {
        write("profiles.yml", "other:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n");
        assertClear(sluice("run"), 2, "Could not find profile named 'shop'", "profiles.yml");
    }

    @Test
    void aJinjaSyntaxErrorNamesTheFileLineAndModel() throws IOException {
        write("models/broken.sql", "select 1 as id\n{% if true %}\nselect 2\n");
        assertClear(sluice("run"), 2, "Compilation Error", "model shop.broken", "models/broken.sql:");
    }

    @Test
    void failingSqlFailsTheNodeAndTheExitCode() throws IOException {
        write("models/bad.sql", "select * from missing_table\n");
        Outcome outcome = sluice("build");
        assertClear(outcome, 1, "Database Error", "model shop.bad", "models/bad.sql", "missing_table");
        assertThat(outcome.all()).contains("PASS=2").contains("ERROR=1");
    }

    @Test
    void aRaggedCsvRowNamesTheSeedAndLine() throws IOException {
        write("seeds/people.csv", "id,name\n1,ann\n2,bob,extra\n");
        assertClear(sluice("seed"), 1, "seed shop.people", "seeds/people.csv", "line 3");
    }
}
