package dev.sluice.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.execute.NodeResult;
import dev.sluice.core.execute.NodeStatus;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeLinesTest {
    private final NodeLines lines = new NodeLines(80);

    private static NodeResult r(String id, NodeStatus s, Long failures, double secs) {
        Instant t = Instant.EPOCH;
        return new NodeResult(id, s, null, t, t, secs, "Thread-1", failures, Map.of(), null, null);
    }

    /** The part before " [" is exactly the printer width, dots included. */
    private static void assertPadded(String line) {
        assertThat(line.indexOf(" [")).isEqualTo(80);
        assertThat(line.substring(0, 80)).matches(".* \\.+");
    }

    @Test
    void startLine() {
        String s = lines.started(1, 28, "sql table model main.customers").plain();
        assertThat(s).isEqualTo("1 of 28 START sql table model main.customers "
                + ".".repeat(80 - "1 of 28 START sql table model main.customers ".length()) + " [RUN]");
        assertPadded(s);
    }

    @Test
    void modelSeedSnapshotResults() {
        String m = lines.finished(1, 28, r("model.shop.customers", NodeStatus.SUCCESS, null, 0.05),
                "sql table model main.customers", "SELECT 100").plain();
        assertThat(m).startsWith("1 of 28 OK created sql table model main.customers .").endsWith(
                ". [SELECT 100 in 0.05s]");
        assertPadded(m);
        String seed = lines.finished(2, 28, r("seed.shop.raw", NodeStatus.SUCCESS, null, 0.123),
                "seed file main.raw", "INSERT 3").plain();
        assertThat(seed).startsWith("2 of 28 OK loaded seed file main.raw .").endsWith(" [INSERT 3 in 0.12s]");
        String snap = lines.finished(3, 28, r("snapshot.shop.snap", NodeStatus.SUCCESS, null, 1),
                "snapshot main.snap", null).plain();
        assertThat(snap).startsWith("3 of 28 OK snapshotted snapshot main.snap .").endsWith(" [OK in 1.00s]");
        String err = lines.finished(4, 28, r("model.shop.bad", NodeStatus.ERROR, null, 0.2),
                "sql view model main.bad", "ERROR").plain();
        assertThat(err).startsWith("4 of 28 ERROR creating sql view model main.bad .").endsWith(" [ERROR in 0.20s]");
        String seedErr = lines.finished(5, 28, r("seed.shop.raw", NodeStatus.ERROR, null, 0.2),
                "seed file main.raw", null).plain();
        assertThat(seedErr).startsWith("5 of 28 ERROR loading seed file main.raw .");
        assertPadded(err);
    }

    @Test
    void testResults() {
        assertThat(lines.finished(5, 9, r("test.shop.not_null_x.abc", NodeStatus.PASS, 0L, 0.01),
                "test not_null_x", "PASS").plain()).startsWith("5 of 9 PASS not_null_x .").endsWith(
                " [PASS in 0.01s]");
        String fail = lines.finished(6, 9, r("test.shop.unique_x.abc", NodeStatus.FAIL, 3L, 0.01),
                "test unique_x", null).plain();
        assertThat(fail).startsWith("6 of 9 FAIL 3 unique_x .").endsWith(" [FAIL 3 in 0.01s]");
        assertPadded(fail);
        assertThat(lines.finished(7, 9, r("test.shop.accepted_x.abc", NodeStatus.WARN, 1L, 0.01),
                "test accepted_x", null).plain()).startsWith("7 of 9 WARN 1 accepted_x .").endsWith(
                " [WARN 1 in 0.01s]");
        assertThat(lines.finished(8, 9, r("test.shop.broken.abc", NodeStatus.ERROR, null, 0.01),
                "test broken", null).plain()).startsWith("8 of 9 ERROR broken .").endsWith(" [ERROR in 0.01s]");
    }

    @Test
    void skipLinesHaveNoTime() {
        assertThat(lines.finished(9, 9, r("model.shop.orders", NodeStatus.SKIPPED, null, 0),
                "sql view model main.orders", null).plain()).startsWith("9 of 9 SKIP relation main.orders .")
                .endsWith(". [SKIP]");
        assertThat(lines.finished(3, 9, r("test.shop.not_null_y.abc", NodeStatus.SKIPPED, null, 0),
                "test not_null_y", null).plain()).startsWith("3 of 9 SKIP test not_null_y .").endsWith(" [SKIP]");
    }

    @Test
    void aLongMessageGetsNoDots() {
        String name = "x".repeat(90);
        String s = lines.started(10, 100, "sql view model main." + name).plain();
        assertThat(s).isEqualTo("10 of 100 START sql view model main." + name + "  [RUN]");
    }

    @Test
    void coloursAreOnlyInTheAnsiRendering() {
        Styled s = lines.finished(1, 2, r("test.p.t.1", NodeStatus.FAIL, 2L, 0.1), "test t", null);
        assertThat(s.plain()).doesNotContain("\u001b");
        assertThat(s.ansi()).contains("\u001b[31mFAIL 2\u001b[0m t").contains("[\u001b[31mFAIL 2\u001b[0m in 0.10s]");
        assertThat(lines.finished(1, 2, r("model.p.m", NodeStatus.SUCCESS, null, 0.1), "sql view model m", "OK")
                .ansi()).contains("\u001b[32mOK created\u001b[0m");
        assertThat(lines.finished(1, 2, r("model.p.m", NodeStatus.SKIPPED, null, 0.1), "sql view model m", null)
                .ansi()).contains("\u001b[33mSKIP\u001b[0m");
    }

    @Test
    void namesFromUniqueIds() {
        assertThat(NodeLines.resourceType("model.shop.customers")).isEqualTo("model");
        assertThat(NodeLines.nodeName("model.shop.customers")).isEqualTo("customers");
        assertThat(NodeLines.nodeName("test.shop.unique_orders_id.9a8b7c")).isEqualTo("unique_orders_id");
        assertThat(NodeLines.nodeName("inline")).isEqualTo("inline");
        assertThat(NodeLines.nodeName("unit_test.shop.orders.keeps_big_orders")).isEqualTo("keeps_big_orders");
    }
}
