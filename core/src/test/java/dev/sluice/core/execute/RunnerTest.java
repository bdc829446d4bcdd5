package dev.sluice.core.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.events.Event;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.ResourceType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RunnerTest {
    private final List<Event> events = Collections.synchronizedList(new ArrayList<>());
    private final List<String> started = Collections.synchronizedList(new ArrayList<>());

    /** Models in topological order; each name maps to its parents' names. */
    private static List<Node> dag(Map<String, List<String>> parents) {
        List<Node> nodes = new ArrayList<>();
        parents.forEach((name, ps) -> {
            Node node = new Node(id(name), ResourceType.MODEL, "p", name, name + ".sql", "models/" + name + ".sql",
                    List.of("p", name));
            ps.forEach(p -> node.dependsOnNodes.add(id(p)));
            nodes.add(node);
        });
        return nodes;
    }

    private static String id(String name) {
        return "model.p." + name;
    }

    private NodeWork.Done ok(Node node) {
        started.add(node.name);
        return new NodeWork.Done(NodeStatus.SUCCESS, "OK", "OK", null, Map.of(), "select 1", null);
    }

    private static Map<String, NodeStatus> statuses(List<NodeResult> results) {
        Map<String, NodeStatus> out = new HashMap<>();
        results.forEach(r -> out.put(r.uniqueId().substring("model.p.".length()), r.status()));
        return out;
    }

    private static Map<String, List<String>> diamondAndChain() {
        Map<String, List<String>> parents = new LinkedHashMap<>();
        parents.put("a", List.of());
        parents.put("b", List.of("a"));
        parents.put("c", List.of("a"));
        parents.put("d", List.of("b", "c"));
        parents.put("e", List.of("d"));
        parents.put("f", List.of());
        return parents;
    }

    @Test
    void everyNodeRunsOnceAfterItsParentsOnNamedWorkers() {
        List<Node> nodes = dag(diamondAndChain());
        List<NodeResult> results = new Runner(events::add, 2, false).execute(nodes, Map.of(), Set.of(), this::ok);

        assertThat(results).hasSize(6).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(NodeStatus.SUCCESS);
            assertThat(r.threadId()).isIn("Thread-1", "Thread-2");
        });
        assertThat(started).containsExactlyInAnyOrder("a", "b", "c", "d", "e", "f");
        assertThat(started.indexOf("a")).isLessThan(started.indexOf("b")).isLessThan(started.indexOf("d"));
        assertThat(started.indexOf("c")).isLessThan(started.indexOf("d"));
        assertThat(started.indexOf("d")).isLessThan(started.indexOf("e"));
        List<Integer> numbers = events.stream().filter(e -> e instanceof Event.NodeStarted)
                .map(e -> ((Event.NodeStarted) e).index()).toList();
        assertThat(numbers).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
        assertThat(events).filteredOn(e -> e instanceof Event.NodeFinished).hasSize(6)
                .allSatisfy(e -> assertThat(((Event.NodeFinished) e).total()).isEqualTo(6));
    }

    @Test
    void independentNodesRunAtTheSameTime() {
        Map<String, List<String>> parents = new LinkedHashMap<>();
        parents.put("x", List.of());
        parents.put("y", List.of());
        CountDownLatch both = new CountDownLatch(2);
        List<NodeResult> results = new Runner(events::add, 2, false).execute(dag(parents), Map.of(), Set.of(), node -> {
            both.countDown();
            try {
                // each waits for the other: only two workers at once get past this
                assertThat(both.await(60, TimeUnit.SECONDS)).as("the other node started meanwhile").isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return ok(node);
        });
        assertThat(results).extracting(NodeResult::threadId).containsExactlyInAnyOrder("Thread-1", "Thread-2");
    }

    @Test
    void aFailureSkipsItsDescendantsNamingTheFailedNode() {
        List<Node> nodes = dag(diamondAndChain());
        List<NodeResult> results = new Runner(events::add, 2, false).execute(nodes, Map.of(), Set.of(), node -> {
            if (node.name.equals("b")) {
                throw new IllegalStateException("boom");
            }
            return ok(node);
        });

        assertThat(statuses(results)).containsEntry("a", NodeStatus.SUCCESS).containsEntry("c", NodeStatus.SUCCESS)
                .containsEntry("f", NodeStatus.SUCCESS).containsEntry("b", NodeStatus.ERROR)
                .containsEntry("d", NodeStatus.SKIPPED).containsEntry("e", NodeStatus.SKIPPED);
        assertThat(results).filteredOn(r -> r.status() == NodeStatus.SKIPPED).extracting(NodeResult::message)
                .containsOnly("Skipping because model.p.b failed or was skipped");
        assertThat(results).filteredOn(r -> r.status() == NodeStatus.ERROR).singleElement()
                .satisfies(r -> assertThat(r.message()).contains("Internal error in Sluice while running model p.b")
                        .contains("boom"));
        assertThat(started).doesNotContain("d", "e");
        assertThat(events).filteredOn(e -> e instanceof Event.NodeFinished).hasSize(6);
    }

    @Test
    void failFastStopsStartingNodesAndSkipsTheRest() {
        Map<String, List<String>> parents = new LinkedHashMap<>();
        parents.put("a", List.of());
        parents.put("b", List.of("a"));
        parents.put("c", List.of("b"));
        parents.put("d", List.of("c"));
        List<NodeResult> results = new Runner(events::add, 1, true).execute(dag(parents), Map.of(), Set.of(), node -> {
            if (node.name.equals("b")) {
                return new NodeWork.Done(NodeStatus.FAIL, "Got 1 result", "FAIL 1", 1L, Map.of(), "select 1", null);
            }
            return ok(node);
        });
        assertThat(results).extracting(r -> r.uniqueId().substring(8) + " " + r.status())
                .containsExactly("a SUCCESS", "b FAIL", "c SKIPPED", "d SKIPPED");
        assertThat(results.subList(2, 4)).extracting(NodeResult::message).containsOnly("Skipping due to fail_fast");
        assertThat(started).containsExactly("a");
    }

    @Test
    void silentNodesPassThroughWithoutResultsOrNumbers() {
        Map<String, List<String>> parents = new LinkedHashMap<>();
        parents.put("eph", List.of());
        parents.put("m", List.of("eph"));
        List<NodeResult> results = new Runner(events::add, 2, false)
                .execute(dag(parents), Map.of(), Set.of(id("eph")), this::ok);
        assertThat(results).extracting(NodeResult::uniqueId).containsExactly(id("m"));
        assertThat(started).containsExactly("eph", "m");
        assertThat(events).filteredOn(e -> e instanceof Event.NodeStarted).singleElement()
                .satisfies(e -> assertThat(((Event.NodeStarted) e).index()).isEqualTo(1));
    }

    @Test
    void extraParentsAreWaitedForAndDroppedParentsAreNot() {
        Map<String, List<String>> parents = new LinkedHashMap<>();
        parents.put("m", List.of());
        parents.put("t", List.of("m"));
        parents.put("n", List.of());
        // n waits for t (an extra edge); t does not wait for m (dropped), so t runs first of all
        List<NodeResult> results = new Runner(events::add, 1, false).execute(dag(parents),
                Map.of(id("n"), Set.of(id("t"))), Map.of(id("t"), Set.of(id("m"))), Set.of(), this::ok);
        assertThat(results).hasSize(3);
        assertThat(started.indexOf("t")).isLessThan(started.indexOf("n"));
        assertThat(started.get(0)).isIn("m", "t");
    }

    @Test
    void anEventSinkThatFailsStopsTheRunInsteadOfHangingIt() {
        List<Node> nodes = dag(diamondAndChain());
        assertThatThrownBy(() -> new Runner(event -> {
            if (event instanceof Event.NodeFinished finished && finished.result().uniqueId().equals(id("b"))) {
                throw new IllegalStateException("console gone");
            }
        }, 2, false).execute(nodes, Map.of(), Set.of(), this::ok))
                .isInstanceOf(SluiceException.class).hasMessageContaining("console gone");
    }

    @Test
    void aWorkerThatDiesFailsTheRunAsAnInternalError() {
        List<Node> nodes = dag(diamondAndChain());
        assertThatThrownBy(() -> new Runner(events::add, 2, false).execute(nodes, Map.of(), Set.of(), node -> {
            throw new StackOverflowError("deep");
        })).isInstanceOf(SluiceException.class).hasMessageContaining("a worker failed").hasMessageContaining("deep");
    }
}
