package dev.sluice.core.execute;

import dev.sluice.core.events.Event;
import dev.sluice.core.events.EventSink;
import dev.sluice.core.manifest.Node;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The state of one walk of the selected DAG, shared by the workers under one lock: which nodes wait for how many
 * parents, which are ready (taken in topological order), which are blocked by a failed or skipped parent, and the
 * results so far. A worker that finishes a node takes its next one in the same step ({@link #finishAndNext}), so a
 * chain of nodes runs on one thread without a hand-over; idle workers are woken only when there is work for them or
 * the walk is over.
 */
final class DagWalk {
    /** A node handed to a worker, with its number in the console's "3 of 12" (0 for silent nodes). */
    record Claim(Node node, int number) {
    }

    private final EventSink events;
    private final boolean failFast;
    private final Set<String> silent;
    private final int total;
    private final Map<String, Node> byId = new HashMap<>();
    private final Map<String, Integer> waiting = new HashMap<>();
    private final Map<String, List<String>> children = new HashMap<>();
    private final PriorityQueue<Integer> ready = new PriorityQueue<>();
    private final List<Node> ordered;
    private final Map<String, Integer> position = new HashMap<>();
    private final Set<String> blocked = new HashSet<>();
    private final Map<String, String> blockedBy = new HashMap<>();
    private final Map<String, NodeResult> results = new HashMap<>();
    private final List<NodeResult> order = new ArrayList<>();
    private int index;
    private int running;
    private boolean stopped;
    private Throwable crash;

    DagWalk(List<Node> ordered, Map<String, Set<String>> extraParents, Map<String, Set<String>> droppedParents,
            Set<String> silent, EventSink events, boolean failFast) {
        this.ordered = ordered;
        this.silent = silent;
        this.events = events;
        this.failFast = failFast;
        for (int i = 0; i < ordered.size(); i++) {
            position.put(ordered.get(i).uniqueId, i);
            byId.put(ordered.get(i).uniqueId, ordered.get(i));
        }
        for (Node node : ordered) {
            Set<String> parents = new HashSet<>();
            Set<String> dropped = droppedParents.getOrDefault(node.uniqueId, Set.of());
            for (String p : node.dependsOnNodes) {
                if (byId.containsKey(p) && !dropped.contains(p)) {
                    parents.add(p);
                }
            }
            for (String p : extraParents.getOrDefault(node.uniqueId, Set.of())) {
                if (byId.containsKey(p)) {
                    parents.add(p);
                }
            }
            waiting.put(node.uniqueId, parents.size());
            parents.forEach(p -> children.computeIfAbsent(p, k -> new ArrayList<>()).add(node.uniqueId));
            if (parents.isEmpty()) {
                ready.add(position.get(node.uniqueId));
            }
        }
        this.total = (int) ordered.stream().filter(n -> !silent.contains(n.uniqueId)).count();
    }

    int total() {
        return total;
    }

    /** The next node for a worker; waits while others run and nothing is ready; null when the walk is over. */
    synchronized Claim next() throws InterruptedException {
        while (true) {
            Claim claim = claim();
            if (claim != null || running == 0 || crash != null) {
                wakeOthers();
                return claim;
            }
            wait();
        }
    }

    /** Records a worker's result, releases the node's children and hands the worker its next node. */
    synchronized Claim finishAndNext(NodeResult result) throws InterruptedException {
        running--;
        if (result.uniqueId() != null && !silent.contains(result.uniqueId())) {
            order.add(result);
        }
        results.put(result.uniqueId(), result);
        NodeStatus status = result.status();
        boolean failed = status == NodeStatus.ERROR || status == NodeStatus.FAIL || status == NodeStatus.SKIPPED
                || status == NodeStatus.RUNTIME_ERROR;
        if (failed && failFast && status != NodeStatus.SKIPPED) {
            stopped = true;
        }
        release(result.uniqueId(), failed);
        return next();
    }

    /**
     * A worker died of something the runner cannot turn into a node result: stop the walk. {@code whileRunning}: it
     * died running a node (which then never finishes).
     */
    synchronized void crashed(Throwable error, boolean whileRunning) {
        if (whileRunning) {
            running--;
        }
        if (crash == null) {
            crash = error;
        }
        notifyAll();
    }

    synchronized Throwable crash() {
        return crash;
    }

    /** The results in the order nodes finished, then (after a fail-fast stop) a skip for every node never started. */
    synchronized List<NodeResult> results() {
        List<NodeResult> out = new ArrayList<>(order);
        if (stopped) {
            for (Node node : ordered) {
                if (!results.containsKey(node.uniqueId) && !silent.contains(node.uniqueId)) {
                    NodeResult skipped = NodeResult.skipped(node.uniqueId, "Skipping due to fail_fast", "main");
                    out.add(skipped);
                    events.accept(new Event.NodeFinished(Instant.now(), 0, total, skipped, NodeDescriptions.of(node),
                            "SKIP"));
                }
            }
        }
        return out;
    }

    /** Takes the first ready node; nodes below a failure are skipped on the way (their children with them). */
    private Claim claim() {
        while (!ready.isEmpty() && !stopped && crash == null) {
            Node node = ordered.get(ready.poll());
            String id = node.uniqueId;
            if (blocked.contains(id)) {
                skip(node, blockedBy.get(id));
                release(id, true);
                continue;
            }
            running++;
            return new Claim(node, silent.contains(id) ? 0 : ++index);
        }
        return null;
    }

    private void skip(Node node, String cause) {
        if (silent.contains(node.uniqueId)) {
            results.put(node.uniqueId, null);
            return;
        }
        NodeResult skipped = NodeResult.skipped(node.uniqueId, "Skipping because " + cause + " failed or was skipped",
                "main");
        order.add(skipped);
        results.put(node.uniqueId, skipped);
        events.accept(new Event.NodeFinished(Instant.now(), ++index, total, skipped, NodeDescriptions.of(node), "SKIP"));
    }

    private void release(String id, boolean failed) {
        for (String child : children.getOrDefault(id, List.of())) {
            if (failed && blocked.add(child)) {
                blockedBy.put(child, blockedBy.getOrDefault(id, id));
            }
            int left = waiting.merge(child, -1, Integer::sum);
            if (left == 0) {
                ready.add(position.get(child));
            }
        }
    }

    /** Wakes the waiting workers when one of them can take a node or the walk is over. */
    private void wakeOthers() {
        if (!ready.isEmpty() || running == 0 || stopped || crash != null) {
            notifyAll();
        }
    }
}
