package dev.sluice.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.execute.NodeResult;
import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.execute.RunResults;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunSummaryTest {

    private static NodeResult r(String id, NodeStatus s, String msg, Long failures) {
        return new NodeResult(id, s, msg, Instant.EPOCH, Instant.EPOCH, 0.1, "Thread-1", failures, Map.of(), null,
                null);
    }

    private static RunResults rr(double elapsed, NodeResult... rs) {
        return new RunResults("build", Instant.EPOCH, elapsed, List.of(rs), List.of());
    }

    @Test
    void finishedLineUsesTheEngineCountsInOrder() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("seed", 3);
        counts.put("model", 5);
        counts.put("data test", 20);
        counts.put("snapshot", 0);
        assertThat(RunSummary.finished(rr(1.234), counts)).isEqualTo(
                "Finished running 3 seeds, 5 models, 20 data tests in 0 hours 0 minutes and 1.23 seconds (1.23s).");
        counts = new LinkedHashMap<>();
        counts.put("table model", 1);
        counts.put("view models", 2);
        counts.put("analyses", 1);
        assertThat(RunSummary.countsPhrase(counts, rr(0))).isEqualTo("1 table model, 2 view models, 1 analysis");
    }

    @Test
    void countsAreDerivedFromResultsWithoutARunStarted() {
        RunResults results = rr(0.5, r("seed.p.a", NodeStatus.SUCCESS, null, null),
                r("model.p.b", NodeStatus.SUCCESS, null, null), r("model.p.c", NodeStatus.SUCCESS, null, null),
                r("test.p.t.1", NodeStatus.PASS, null, 0L));
        assertThat(RunSummary.countsPhrase(null, results)).isEqualTo("1 seed, 2 models, 1 data test");
    }

    @Test
    void durationSplitsHoursAndMinutes() {
        assertThat(RunSummary.duration(3725.5)).isEqualTo("1 hours 2 minutes and 5.50 seconds (3725.50s)");
        assertThat(RunSummary.duration(0.0)).isEqualTo("0 hours 0 minutes and 0.00 seconds (0.00s)");
    }

    @Test
    void statsLineCountsEveryStatus() {
        RunResults results = rr(1, r("model.p.a", NodeStatus.SUCCESS, null, null),
                r("test.p.b.1", NodeStatus.PASS, null, 0L), r("test.p.c.1", NodeStatus.WARN, null, 1L),
                r("test.p.d.1", NodeStatus.FAIL, null, 2L), r("model.p.e", NodeStatus.ERROR, "boom", null),
                r("model.p.f", NodeStatus.SKIPPED, null, null), r("model.p.g", NodeStatus.RUNTIME_ERROR, "x", null));
        assertThat(RunSummary.statsLine(results)).isEqualTo("Done. PASS=2 WARN=1 ERROR=3 SKIP=1 NO-OP=0 TOTAL=7");
    }

    @Test
    void summaryBlockInOrder() {
        RunResults results = rr(2, r("model.p.a", NodeStatus.ERROR, "boom", null),
                r("test.p.t.1", NodeStatus.FAIL, "Got 3 results, configured to fail if != 0", 3L),
                r("test.p.w.1", NodeStatus.WARN, null, 1L));
        List<String> msgs = RunSummary.lines(results, null).stream().map(LogRecord::msg).toList();
        assertThat(msgs).containsExactly(
                "",
                "Finished running 1 model, 2 data tests in 0 hours 0 minutes and 2.00 seconds (2.00s).",
                "",
                "Completed with 2 errors and 1 warning:",
                "",
                "  Runtime Error in model a\n  boom",
                "",
                "Failure in test t",
                "  Got 3 results, configured to fail if != 0",
                "",
                "Warning in test w",
                "  Got 1 result, configured to warn if != 0",
                "",
                "Done. PASS=0 WARN=1 ERROR=2 SKIP=0 NO-OP=0 TOTAL=3");
    }

    @Test
    void plurals() {
        assertThat(Plural.of(1, "models")).isEqualTo("1 model");
        assertThat(Plural.of(2, "model")).isEqualTo("2 models");
        assertThat(Plural.of(0, "error")).isEqualTo("0 errors");
        assertThat(Plural.of(2, "analysis")).isEqualTo("2 analyses");
        assertThat(Plural.of(2, "saved query")).isEqualTo("2 saved queries");
        assertThat(Plural.of(1, "data tests")).isEqualTo("1 data test");
    }
}
