package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.api.DebugReport;
import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.errors.SourceLocation;
import dev.sluice.core.execute.NodeStatus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExitCodeTest {
    @TempDir
    Path dir;
    Harness h;

    @BeforeEach
    void setUp() {
        h = new Harness(dir);
    }

    @Test
    void successExitsZero() {
        h.api.results = Samples.results(Samples.result("model.p.a", NodeStatus.SUCCESS, "OK", null, 0.1));
        Harness.Result r = h.run("run");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Completed successfully").contains("Done. PASS=1 WARN=0 ERROR=0 SKIP=0 NO-OP=0 TOTAL=1");
    }

    @Test
    void warningsAloneStillExitZero() {
        h.api.results = Samples.results(Samples.result("test.p.t.1", NodeStatus.WARN, null, 2L, 0.1));
        Harness.Result r = h.run("test");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Completed with 1 warning:").contains("Warning in test t")
                .contains("Got 2 results, configured to warn if != 0");
    }

    @Test
    void aFailedTestOrNodeErrorExitsOne() {
        h.api.results = Samples.mixedBuild();
        assertThat(h.run("build").code()).isEqualTo(1);
        h.api.results = Samples.results(Samples.result("model.p.a", NodeStatus.ERROR,
                "Database Error in model a (models/a.sql)\n  Binder Error: column x not found", null, 0.1));
        Harness.Result r = h.run("run");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("Completed with 1 error and 0 warnings:")
                .contains("  Database Error in model a (models/a.sql)\n  Binder Error: column x not found");
    }

    @Test
    void aSluiceExceptionPrintsOneClearMessageWithoutStackTraceAndExitsTwo() {
        h.api.failure = new SluiceException(ErrorCode.REF_NOT_FOUND, "Model 'orders' depends on 'nope', not found",
                SourceLocation.of("models/orders.sql", 3), "model orders", null);
        Harness.Result r = h.run("run");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).contains("Encountered an error:\nCompilation Error in model orders (models/orders.sql:3)\n"
                + "  Model 'orders' depends on 'nope', not found");
        assertThat(r.out() + r.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void debugAddsTheStackTrace() {
        h.api.failure = new SluiceException(ErrorCode.YAML_INVALID, "bad yaml", SourceLocation.of("x.yml", 2));
        Harness.Result r = h.run("parse", "--debug");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("SluiceException").contains("\tat ");
    }

    @Test
    void internalCategoryShowsTheStackTrace() {
        h.api.failure = new SluiceException(ErrorCode.INTERNAL, "invariant broken");
        Harness.Result r = h.run("run");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).contains("Internal Error").contains("invariant broken");
        assertThat(r.err()).contains("\tat ");
    }

    @Test
    void anUnexpectedExceptionIsAnInternalError() {
        h.api.failure = new IllegalStateException("oops");
        Harness.Result r = h.run("build");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).contains("Internal error (a bug in Sluice): oops");
        assertThat(r.err()).contains("java.lang.IllegalStateException: oops").contains("\tat ");
    }

    @Test
    void badFlagsExitTwoWithAHint() {
        Harness.Result r = h.run("run", "--no-such-flag");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Error: Unknown option: '--no-such-flag'").contains("Try 'sluice run -h'");
        assertThat(h.api.called).isNull();
        assertThat(h.run("frobnicate").code()).isEqualTo(2);
        assertThat(h.run("run", "--threads", "many").code()).isEqualTo(2);
        assertThat(h.run("run", "--indirect-selection", "sometimes").code()).isEqualTo(2);
        assertThat(h.run("run", "--log-format", "xml").code()).isEqualTo(2);
    }

    @Test
    void varsThatAreNotAMappingExitTwo() {
        Harness.Result r = h.run("run", "--vars", "just a string");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).contains("The --vars argument must be a YAML dictionary, but was of type 'str'");
        assertThat(h.api.called).isNull();
        assertThat(h.run("run", "--vars", "{a: [").code()).isEqualTo(2);
        assertThat(h.run("run", "--threads", "0").code()).isEqualTo(2);
    }

    @Test
    void showWithoutSelectOrInlineExitsTwo() {
        Harness.Result r = h.run("show");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).contains("Either --select or --inline must be passed to show");
    }

    @Test
    void debugExitsOneWhenACheckFails() {
        h.api.debugReport = new DebugReport(List.of(new DebugReport.Check("profiles.yml file", true, "found and valid"),
                new DebugReport.Check("Connection test", false, "could not open database")));
        Harness.Result r = h.run("debug");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("  profiles.yml file [OK found and valid]")
                .contains("  Connection test [ERROR could not open database]").contains("1 check failed:");
        h.api.debugReport = new DebugReport(List.of(new DebugReport.Check("profiles.yml file", true, "found")));
        r = h.run("debug");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("All checks passed!");
    }

    @Test
    void noCommandPrintsUsage() {
        Harness.Result r = h.run();
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Usage: sluice").contains("build").contains("run-operation");
    }

    @Test
    void theUsageListsEveryCommandAndAMistypedOneGetsSuggestions() {
        Harness.Result help = h.run("--help");
        assertThat(help.code()).isZero();
        String commands = help.out().substring(help.out().indexOf("Commands:"));
        for (String command : List.of("debug", "parse", "compile", "seed", "ls, list", "docs", "server", "token")) {
            assertThat(commands).contains("\n  " + command + " ");
        }
        Harness.Result typo = h.run("sed");
        assertThat(typo.code()).isEqualTo(2);
        assertThat(typo.err()).contains("Unmatched argument at index 0: 'sed'").contains("sluice seed");
    }
}
