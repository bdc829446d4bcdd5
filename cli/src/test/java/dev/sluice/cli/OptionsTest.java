package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.api.InvocationOptions;
import dev.sluice.core.api.ListOutput;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionsTest {
    @TempDir
    Path dir;
    Harness h;

    @BeforeEach
    void setUp() {
        h = new Harness(dir);
        h.api.results = Samples.results();
    }

    private InvocationOptions run(String... args) {
        Harness.Result r = h.run(args);
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        return h.api.options;
    }

    @Test
    void everySharedFlagReachesTheRequest() {
        InvocationOptions o = run("run", "--project-dir", "proj", "--profiles-dir", "profs", "--profile", "shop",
                "--target", "prod", "--vars", "{a: 1, b: [x, y]}", "--threads", "8", "--select", "a", "--exclude",
                "b", "--selector", "nightly", "--resource-type", "model", "--exclude-resource-type", "test",
                "--fail-fast", "--full-refresh", "--indirect-selection", "cautious", "--target-path", "out",
                "--log-path", "mylogs");
        assertThat(h.api.called).isEqualTo("run");
        assertThat(o.projectDir()).isEqualTo(dir.resolve("proj"));
        assertThat(o.profilesDir()).isEqualTo(dir.resolve("profs"));
        assertThat(o.profile()).isEqualTo("shop");
        assertThat(o.target()).isEqualTo("prod");
        assertThat(o.vars()).isEqualTo(Map.of("a", 1, "b", List.of("x", "y")));
        assertThat(o.threads()).isEqualTo(8);
        assertThat(o.select()).containsExactly("a");
        assertThat(o.exclude()).containsExactly("b");
        assertThat(o.selector()).isEqualTo("nightly");
        assertThat(o.resourceTypes()).containsExactly("model");
        assertThat(o.excludeResourceTypes()).containsExactly("test");
        assertThat(o.failFast()).isTrue();
        assertThat(o.fullRefresh()).isTrue();
        assertThat(o.indirectSelection()).isEqualTo("cautious");
        assertThat(o.targetPath()).isEqualTo(Path.of("out"));
        assertThat(o.logPath()).isEqualTo(Path.of("mylogs"));
    }

    @Test
    void stateAndDeferFlagsReachTheRequestAndRetryAndCloneAreCommands() {
        InvocationOptions o = run("build", "--state", "prod-artifacts", "--defer", "--favor-state",
                "--defer-state", "other", "-s", "state:modified+");
        assertThat(o.statePath()).isEqualTo(dir.resolve("prod-artifacts"));
        assertThat(o.defer()).isTrue();
        assertThat(o.favorState()).isTrue();
        assertThat(o.deferState()).isEqualTo(dir.resolve("other"));
        assertThat(o.select()).containsExactly("state:modified+");
        run("retry");
        assertThat(h.api.called).isEqualTo("retry");
        run("clone", "--state", "prod-artifacts");
        assertThat(h.api.called).isEqualTo("clone");
        assertThat(run("snapshot").statePath()).isNull();
        assertThat(h.api.called).isEqualTo("snapshot");
    }

    @Test
    void defaultsWhenNothingIsGiven() {
        InvocationOptions o = run("build");
        assertThat(o.projectDir()).isEqualTo(dir);
        assertThat(o.profilesDir()).isNull();
        assertThat(o.profile()).isNull();
        assertThat(o.target()).isNull();
        assertThat(o.vars()).isEmpty();
        assertThat(o.threads()).isNull();
        assertThat(o.select()).isEmpty();
        assertThat(o.exclude()).isEmpty();
        assertThat(o.selector()).isNull();
        assertThat(o.resourceTypes()).isEmpty();
        assertThat(o.failFast()).isFalse();
        assertThat(o.fullRefresh()).isFalse();
        assertThat(o.indirectSelection()).isEqualTo("eager");
        assertThat(o.targetPath()).isNull();
        assertThat(o.logPath()).isNull();
    }

    @Test
    void shortFlagsAndAliases() {
        InvocationOptions o = run("test", "-t", "ci", "-s", "a", "-x", "-f");
        assertThat(o.target()).isEqualTo("ci");
        assertThat(o.select()).containsExactly("a");
        assertThat(o.failFast()).isTrue();
        assertThat(o.fullRefresh()).isTrue();
        assertThat(run("run", "-m", "legacy").select()).containsExactly("legacy");
        assertThat(run("run", "--models", "legacy2").select()).containsExactly("legacy2");
    }

    @Test
    void selectTakesSeveralValuesAndKeepsAQuotedStringWhole() {
        assertThat(run("run", "-s", "a", "b", "--exclude", "c", "d").select()).containsExactly("a", "b");
        assertThat(h.api.options.exclude()).containsExactly("c", "d");
        assertThat(run("run", "--select", "tag:nightly +orders").select()).containsExactly("tag:nightly +orders");
        assertThat(run("run", "-s", "a", "-s", "b").select()).containsExactly("a", "b");
    }

    @Test
    void flagsMayComeBeforeTheCommand() {
        InvocationOptions o = run("--target", "prod", "--threads", "2", "seed");
        assertThat(h.api.called).isEqualTo("seed");
        assertThat(o.target()).isEqualTo("prod");
        assertThat(o.threads()).isEqualTo(2);
    }

    @Test
    void varsAcceptJsonAndYaml() {
        assertThat(run("run", "--vars", "{\"start\": \"2024-01-01\", \"n\": 3}").vars())
                .isEqualTo(Map.of("start", "2024-01-01", "n", 3));
        assertThat(run("run", "--vars", "flag: true").vars()).isEqualTo(Map.of("flag", true));
        assertThat(run("run", "--vars", "").vars()).isEmpty();
    }

    @Test
    void resourceTypesRepeat() {
        InvocationOptions o = run("ls", "--resource-type", "model", "--resource-types", "seed",
                "--exclude-resource-type", "test", "--exclude-resource-types", "unit_test");
        assertThat(o.resourceTypes()).containsExactly("model", "seed");
        assertThat(o.excludeResourceTypes()).containsExactly("test", "unit_test");
    }

    @Test
    void environmentStandsInForMissingFlags() {
        h.env.put("DBT_PROJECT_DIR", "envproj");
        h.env.put("DBT_PROFILES_DIR", "/etc/profiles");
        h.env.put("DBT_TARGET", "ci");
        h.env.put("DBT_PROFILE", "p");
        h.env.put("DBT_TARGET_PATH", "t2");
        InvocationOptions o = run("parse");
        assertThat(o.projectDir()).isEqualTo(dir.resolve("envproj"));
        assertThat(o.profilesDir()).isEqualTo(Path.of("/etc/profiles"));
        assertThat(o.target()).isEqualTo("ci");
        assertThat(o.profile()).isEqualTo("p");
        assertThat(o.targetPath()).isEqualTo(Path.of("t2"));
        assertThat(run("parse", "--target", "flag-wins").target()).isEqualTo("flag-wins");
    }

    @Test
    void noNegationsTurnFlagsOff() {
        InvocationOptions o = run("run", "--fail-fast", "--no-fail-fast", "--full-refresh", "--no-full-refresh");
        assertThat(o.failFast()).isFalse();
        assertThat(o.fullRefresh()).isFalse();
    }

    @Test
    void listOptions() {
        run("ls", "--output", "json", "--output-keys", "name resource_type", "--output-keys", "config,tags");
        assertThat(h.api.called).isEqualTo("list");
        assertThat(h.api.listOutput).isEqualTo(ListOutput.JSON);
        assertThat(h.api.outputKeys).containsExactly("name", "resource_type", "config", "tags");
        run("list");
        assertThat(h.api.listOutput).isEqualTo(ListOutput.SELECTOR);
        run("ls", "--output", "path");
        assertThat(h.api.listOutput).isEqualTo(ListOutput.PATH);
        run("ls", "--output", "name");
        assertThat(h.api.listOutput).isEqualTo(ListOutput.NAME);
    }

    @Test
    void showOptions() {
        h.api.showResult = new dev.sluice.core.api.ShowResult("customers", "select 1",
                new dev.sluice.spi.QueryResult(List.of(), List.of()));
        run("show", "--select", "customers");
        assertThat(h.api.limit).isEqualTo(5);
        assertThat(h.api.inlineSql).isNull();
        assertThat(h.api.options.select()).containsExactly("customers");
        run("show", "--inline", "select 1 as x", "--limit", "20");
        assertThat(h.api.inlineSql).isEqualTo("select 1 as x");
        assertThat(h.api.limit).isEqualTo(20);
    }

    @Test
    void runOperationTakesTheMacroAndItsArgs() {
        run("run-operation", "grant_select", "--args", "{role: reporter, tables: [a, b]}");
        assertThat(h.api.macro).isEqualTo("grant_select");
        assertThat(h.api.macroArgs).isEqualTo(Map.of("role", "reporter", "tables", List.of("a", "b")));
        run("run-operation", "noop");
        assertThat(h.api.macroArgs).isEmpty();
    }

    @Test
    void compileInlinePassesTheSql() {
        Harness.Result r = h.run("compile", "--inline", "select * from {{ ref('x') }}");
        assertThat(r.code()).isZero();
        assertThat(h.api.called).isEqualTo("compileInline");
        assertThat(h.api.inlineSql).isEqualTo("select * from {{ ref('x') }}");
        assertThat(r.out()).contains("Compiled inline node is:\n-- compiled\nselect * from {{ ref('x') }}");
    }

    @Test
    void everyCommandReachesItsEngineCall() {
        h.api.showResult = new dev.sluice.core.api.ShowResult("x", "select 1",
                new dev.sluice.spi.QueryResult(List.of(), List.of()));
        String[][] cases = {{"debug", "debug"}, {"parse", "parse"}, {"compile", "compile"}, {"run", "run"},
                {"seed", "seed"}, {"test", "test"}, {"build", "build"}, {"ls", "list"}, {"list", "list"},
                {"clean", "clean"}};
        for (String[] c : cases) {
            h.api.called = null;
            assertThat(h.run(c[0]).code()).as(c[0]).isZero();
            assertThat(h.api.called).as(c[0]).isEqualTo(c[1]);
        }
    }

    @Test
    void versionPrintsCoreAndTheDuckDbPlugin() {
        Harness.Result r = h.run("--version");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("Core:\n  - installed: ").contains("Plugins:\n  - duckdb: ");
        assertThat(h.api.called).isNull();
    }
}
