package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.api.ShowResult;
import dev.sluice.core.events.Event;
import dev.sluice.spi.Column;
import dev.sluice.spi.QueryResult;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Harness h;

    @BeforeEach
    void setUp() {
        h = new Harness(dir);
        h.api.results = Samples.mixedBuild();
        h.api.events.add(Event.Message.info("Found 2 models, 1 seed, 2 data tests, 412 macros"));
        h.api.events.addAll(Samples.eventsFor(h.api.results, Samples.mixedDescriptions(), Samples.mixedSummaries()));
    }

    private static String strip(String line) {
        return line.length() >= 10 && line.charAt(2) == ':' && line.startsWith("  ", 8) ? line.substring(10) : line;
    }

    @Test
    void aBuildPrintsDbtStyleLines() {
        Harness.Result r = h.run("build");
        assertThat(r.code()).isEqualTo(1);
        for (String line : r.lines()) {
            assertThat(line).matches("\\d\\d:\\d\\d:\\d\\d  .*");
        }
        List<String> body = r.lines().stream().map(ConsoleOutputTest::strip).toList();
        assertThat(body).containsExactly(
                "Running with sluice=" + Version.current(),
                "Found 2 models, 1 seed, 2 data tests, 412 macros",
                "",
                "Concurrency: 4 threads (target='dev')",
                "",
                "1 of 5 START seed file main.raw_customers ...................................... [RUN]",
                "1 of 5 OK loaded seed file main.raw_customers .................................. [INSERT 100 in 0.12s]",
                "2 of 5 START sql table model main.customers .................................... [RUN]",
                "2 of 5 OK created sql table model main.customers ............................... [OK in 0.05s]",
                "3 of 5 START test not_null_customers_id ........................................ [RUN]",
                "3 of 5 PASS not_null_customers_id .............................................. [PASS in 0.02s]",
                "4 of 5 START test unique_customers_id .......................................... [RUN]",
                "4 of 5 FAIL 3 unique_customers_id .............................................. [FAIL 3 in 0.03s]",
                "5 of 5 SKIP relation main.orders ............................................... [SKIP]",
                "",
                "Finished running 1 seed, 2 models, 2 data tests in 0 hours 0 minutes and 1.23 seconds (1.23s).",
                "",
                "Completed with 1 error and 0 warnings:",
                "",
                "Failure in test unique_customers_id",
                "  Got 3 results, configured to fail if != 0",
                "",
                "Done. PASS=3 WARN=0 ERROR=1 SKIP=1 NO-OP=0 TOTAL=5");
    }

    @Test
    void theSummaryIsPrintedOnceEvenWithoutARunFinishedEvent() {
        h.api.events.removeIf(e -> e instanceof Event.RunFinished);
        Harness.Result r = h.run("build");
        assertThat(r.out().split("Done\\. PASS=", -1)).hasSize(2);
        h.api.events.clear();
        h.api.results = Samples.results();
        r = h.run("run");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Nothing to do.").doesNotContain("Done. PASS");
    }

    @Test
    void noAnsiCodesWhenNotATerminal() {
        Harness.Result r = h.run("build", "--use-colors");
        assertThat(r.out()).doesNotContain("\u001b").doesNotContain("\r");
        assertThat(r.err()).doesNotContain("\u001b");
    }

    @Test
    void coloursAndProgressOnlyOnATerminal() {
        h.terminal = new Terminal(true);
        Harness.Result r = h.run("build");
        assertThat(r.out()).contains("\u001b[32mOK created\u001b[0m").contains("\u001b[31mFAIL 3\u001b[0m")
                .contains("] 4/5");
        Harness.Result plain = h.run("build", "--no-use-colors");
        assertThat(plain.out()).doesNotContain("\u001b[3");
        Harness.Result json = h.run("build", "--log-format", "json");
        assertThat(json.out()).doesNotContain("\u001b").doesNotContain("\r");
    }

    @Test
    void quietShowsOnlyErrors() {
        Harness.Result r = h.run("build", "-q");
        assertThat(r.out()).doesNotContain("Running with").doesNotContain("START").doesNotContain("PASS not_null")
                .contains("FAIL 3 unique_customers_id").contains("Completed with 1 error");
    }

    @Test
    void jsonLogLinesAreJsonObjects() throws Exception {
        Harness.Result r = h.run("build", "--log-format", "json");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.lines()).hasSizeGreaterThan(10);
        String invocation = null;
        for (String line : r.lines()) {
            JsonNode node = JSON.readTree(line);
            JsonNode info = node.get("info");
            assertThat(info.get("name").asText()).isNotBlank();
            assertThat(info.get("level").asText()).isIn("debug", "info", "warn", "error");
            assertThat(info.get("ts").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            assertThat(info.get("thread").asText()).isNotBlank();
            assertThat(info.has("msg")).isTrue();
            assertThat(node.get("data").isObject()).isTrue();
            if (invocation == null) {
                invocation = info.get("invocation_id").asText();
            }
            assertThat(info.get("invocation_id").asText()).isEqualTo(invocation);
        }
        JsonNode fail = r.lines().stream().map(this::parse)
                .filter(n -> n.get("info").get("name").asText().equals("LogTestResult")
                        && n.get("data").get("status").asText().equals("FAIL"))
                .findFirst().orElseThrow();
        assertThat(fail.get("info").get("msg").asText()).startsWith("4 of 5 FAIL 3 unique_customers_id ...");
        assertThat(fail.get("info").get("level").asText()).isEqualTo("error");
        assertThat(fail.get("data").get("node_info").get("unique_id").asText())
                .isEqualTo("test.shop.unique_customers_id.c3d4");
        assertThat(fail.get("data").get("failures").asLong()).isEqualTo(3);
        JsonNode stats = r.lines().stream().map(this::parse)
                .filter(n -> n.get("info").get("name").asText().equals("StatsLine")
                        && n.get("data").has("stats")).findFirst().orElseThrow();
        assertThat(stats.get("data").get("stats").get("error").asInt()).isEqualTo(1);
    }

    @Test
    void errorsAreJsonTooInJsonMode() throws Exception {
        h.api.failure = new dev.sluice.core.errors.SluiceException(dev.sluice.core.errors.ErrorCode.PROJECT_NOT_FOUND,
                "No dbt_project.yml found");
        Harness.Result r = h.run("run", "--log-format", "json");
        assertThat(r.code()).isEqualTo(2);
        JsonNode last = JSON.readTree(r.lines().get(r.lines().size() - 1));
        assertThat(last.get("info").get("name").asText()).isEqualTo("MainEncounteredError");
        assertThat(last.get("info").get("msg").asText()).contains("No dbt_project.yml found");
    }

    private JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }

    private static QueryResult preview() {
        return new QueryResult(List.of(new Column("customer_id", "INTEGER"), new Column("first_name", "VARCHAR"),
                new Column("lifetime_value", "DECIMAL(10,2)"), new Column("first_order", "DATE"),
                new Column("active", "BOOLEAN")),
                List.of(Arrays.asList(1, "Michael", new BigDecimal("33.00"), LocalDate.of(2018, 1, 1), true),
                        Arrays.asList(12, "Shawn", null, null, false)));
    }

    @Test
    void showPrintsAPipeTable() {
        h.api.events.clear();
        h.api.showResult = new ShowResult("customers", "select ...", preview());
        Harness.Result r = h.run("show", "-s", "customers");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Previewing node 'customers':\n"
                + "| customer_id | first_name | lifetime_value | first_order | active |\n"
                + "| ----------- | ---------- | -------------- | ----------- | ------ |\n"
                + "|           1 | Michael    |          33.00 | 2018-01-01  | True   |\n"
                + "|          12 | Shawn      |                |             | False  |\n");
        r = h.run("show", "--inline", "select 1");
        assertThat(r.out()).contains("Previewing inline node:\n|");
    }

    @Test
    void showJsonIsOneObjectWithAShowKeyAndNothingElse() throws Exception {
        h.api.events.clear();
        h.api.showResult = new ShowResult("customers", "select ...", preview());
        Harness.Result r = h.run("show", "-s", "customers", "--output", "json");
        JsonNode node = JSON.readTree(r.out());
        assertThat(node.get("node").asText()).isEqualTo("customers");
        JsonNode rows = node.get("show");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("customer_id").asInt()).isEqualTo(1);
        assertThat(rows.get(0).get("first_name").asText()).isEqualTo("Michael");
        assertThat(rows.get(0).get("lifetime_value").decimalValue()).isEqualByComparingTo("33.00");
        assertThat(rows.get(0).get("first_order").asText()).isEqualTo("2018-01-01");
        assertThat(rows.get(0).get("active").asBoolean()).isTrue();
        assertThat(rows.get(1).get("lifetime_value").isNull()).isTrue();
        r = h.run("show", "--inline", "select 1", "--output", "json");
        assertThat(JSON.readTree(r.out()).has("node")).isFalse();
        assertThat(JSON.readTree(r.out()).has("show")).isTrue();
    }

    @Test
    void lsPrintsOneBareLinePerNode() {
        h.api.events.clear();
        h.api.events.add(Event.Message.info("Found 2 models"));
        h.api.listLines = List.of("shop.customers", "shop.orders");
        Harness.Result r = h.run("ls");
        assertThat(r.lines()).contains("shop.customers", "shop.orders");
        r = h.run("ls", "-q");
        assertThat(r.lines()).containsExactly("shop.customers", "shop.orders");
        h.api.listLines = List.of("{\"name\": \"customers\"}");
        r = h.run("ls", "--output", "json");
        assertThat(r.lines()).containsExactly("{\"name\": \"customers\"}");
    }

    @Test
    void compileOfOneNodePrintsItsSql() {
        h.api.events.clear();
        h.api.compiled = Map.of("model.shop.customers", "select 1 as id");
        Harness.Result r = h.run("compile", "-s", "customers");
        assertThat(r.out()).contains("Compiled node 'customers' is:\nselect 1 as id");
    }

    @Test
    void warningsFromTheEngineAreMarked() {
        h.api.events.clear();
        h.api.events.add(Event.Message.warn("Test 'x' refers to a disabled model; it is disabled too"));
        h.api.events.add(Event.Message.debug("a debug line"));
        Harness.Result r = h.run("parse");
        assertThat(r.out()).contains("[WARNING]: Test 'x' refers to a disabled model").doesNotContain("a debug line");
        r = h.run("parse", "--debug");
        assertThat(r.out()).containsPattern("\\d\\d:\\d\\d:\\d\\d\\.\\d{6} \\[debug\\] \\[[^]]+\\]: a debug line");
    }

    @Test
    void logsGoToDbtLogInTheProjectAndAppend() throws Exception {
        Path project = dir.resolve("proj");
        Files.createDirectories(project);
        Files.writeString(project.resolve("dbt_project.yml"), "name: p\n");
        h.run("build", "--project-dir", "proj");
        h.api.events.add(Event.Message.debug("only in the file"));
        h.run("build", "--project-dir", "proj", "--log-format", "json");
        Path log = project.resolve("logs/dbt.log");
        String text = Files.readString(log);
        assertThat(text.split("={30} \\d\\d:\\d\\d:\\d\\d\\.\\d{6} \\| ", -1)).hasSize(3);
        assertThat(text).contains("[info ] [").contains("Running with sluice=")
                .contains("4 of 5 FAIL 3 unique_customers_id").contains("[debug] [").contains("only in the file")
                .doesNotContain("\u001b").doesNotContain("{\"data\"");
        h.run("parse", "--project-dir", "proj", "--log-path", "elsewhere");
        assertThat(project.resolve("elsewhere/dbt.log")).exists();
    }

    @Test
    void noLogFileOutsideAProject() {
        h.run("debug");
        assertThat(dir.resolve("logs")).doesNotExist();
    }
}
