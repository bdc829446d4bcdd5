package dev.sluice.core.graph;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CycleDetectorTest {

    @Test
    void noCycleInADiamond() {
        Map<String, List<String>> children = Map.of("a", List.of("b", "c"), "b", List.of("d"), "c", List.of("d"),
                "d", List.of());
        assertThat(CycleDetector.findCycle(children)).isEmpty();
    }

    @Test
    void findsATwoNodeCycleInDependencyOrder() {
        // b depends on a and a depends on b: edges a -> b and b -> a.
        Map<String, List<String>> children = Map.of("model.p.a", List.of("model.p.b"), "model.p.b",
                List.of("model.p.a"));
        assertThat(CycleDetector.findCycle(children))
                .contains(List.of("model.p.a", "model.p.b", "model.p.a"));
    }

    @Test
    void longerCycleStartsAtItsSmallestIdAndFollowsTheEdges() {
        Map<String, List<String>> children = Map.of(
                "x", List.of("m"), "m", List.of("q"), "q", List.of("c"), "c", List.of("m"));
        assertThat(CycleDetector.findCycle(children)).contains(List.of("c", "m", "q", "c"));
    }

    @Test
    void selfLoopIsACycle() {
        assertThat(CycleDetector.findCycle(Map.of("a", List.of("a")))).contains(List.of("a", "a"));
    }

    @Test
    void theParseStagesCheckPassesAcyclicGraphsAndReportsCyclesAsTheGraphDoes() {
        ManifestFixture ok = new ManifestFixture("p");
        ok.model("a");
        ok.model("b").dependsOn("a");
        ok.model("c").dependsOn("a", "b");
        ok.model("d").dependsOn("c", "b");
        Acyclic.check(ok.build()); // a diamond and a shortcut: no cycle

        ManifestFixture cyclic = new ManifestFixture("p");
        cyclic.model("ok");
        cyclic.model("a").in("staging").dependsOn("c");
        cyclic.model("b").dependsOn("a");
        cyclic.model("c").dependsOn("b");
        assertThatThrownBy(() -> Acyclic.check(cyclic.build()))
                .isInstanceOfSatisfying(SluiceException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DEPENDENCY_CYCLE);
                    assertThat(e.getMessage())
                            .isEqualTo("Found a cycle: model.p.a --> model.p.b --> model.p.c --> model.p.a");
                });

        ManifestFixture self = new ManifestFixture("p");
        self.model("a").dependsOn("a");
        assertThatThrownBy(() -> Acyclic.check(self.build())).isInstanceOf(SluiceException.class);
    }

    @Test
    void checkThrowsDependencyCycleWithTheFirstNodesFile() {
        ManifestFixture f = new ManifestFixture("p");
        f.model("a").in("staging").dependsOn("c");
        f.model("b").dependsOn("a");
        f.model("c").dependsOn("b");
        f.model("ok");
        assertThatThrownBy(() -> Dag.of(f.build()))
                .isInstanceOfSatisfying(SluiceException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DEPENDENCY_CYCLE);
                    assertThat(e.getMessage())
                            .isEqualTo("Found a cycle: model.p.a --> model.p.b --> model.p.c --> model.p.a");
                    assertThat(e.location().file()).isEqualTo("models/staging/a.sql");
                    assertThat(e.node()).isEqualTo("model.p.a");
                    assertThat(e.describe()).startsWith("Dependency Error in model.p.a (models/staging/a.sql)");
                });
    }

    @Test
    void deepChainDoesNotOverflowTheStack() {
        Map<String, List<String>> children = new HashMap<>();
        for (int i = 0; i < 50_000; i++) {
            children.put("n" + i, List.of("n" + (i + 1)));
        }
        children.put("n50000", List.of("n0"));
        Optional<List<String>> cycle = CycleDetector.findCycle(children);
        assertThat(cycle).isPresent();
        assertThat(cycle.get()).hasSize(50_002).startsWith("n0", "n1");
    }
}
