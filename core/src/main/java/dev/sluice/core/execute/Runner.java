package dev.sluice.core.execute;

import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.events.Event;
import dev.sluice.core.events.EventSink;
import dev.sluice.core.manifest.Node;
import dev.sluice.spi.AdapterException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Walks the selected DAG with a pool of {@code threads} workers: a node starts when its selected parents are done;
 * when a parent failed or was skipped it is skipped; with fail-fast the first failure stops everything not yet
 * started. Nodes that produce no result of their own (ephemeral models) pass straight through.
 */
public final class Runner {
    private final EventSink events;
    private final int threads;
    private final boolean failFast;

    public Runner(EventSink events, int threads, boolean failFast) {
        this.events = events;
        this.threads = Math.max(1, threads);
        this.failFast = failFast;
    }

    /**
     * @param ordered      the selection in topological order
     * @param extraParents additional edges (build: a model waits for the tests of its parents)
     * @param silent       nodes that run without a numbered line or a result (ephemeral models)
     */
    public List<NodeResult> execute(List<Node> ordered, Map<String, Set<String>> extraParents, Set<String> silent,
                                    NodeWork work) {
        return execute(ordered, extraParents, Map.of(), silent, work);
    }

    /**
     * As {@link #execute(List, Map, Set, NodeWork)}, also dropping some dependencies: {@code droppedParents} maps a node
     * to parents it does not wait for (build: a unit test runs before the model it depends on).
     */
    public List<NodeResult> execute(List<Node> ordered, Map<String, Set<String>> extraParents,
                                    Map<String, Set<String>> droppedParents, Set<String> silent, NodeWork work) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            position.put(ordered.get(i).uniqueId, i);
        }
        Map<String, Node> byId = new LinkedHashMap<>();
        ordered.forEach(n -> byId.put(n.uniqueId, n));
        Map<String, Integer> waiting = new HashMap<>();
        Map<String, List<String>> children = new HashMap<>();
        Map<String, Set<String>> parents = new HashMap<>();
        for (Node node : ordered) {
            Set<String> ps = new HashSet<>();
            Set<String> dropped = droppedParents.getOrDefault(node.uniqueId, Set.of());
            for (String p : node.dependsOnNodes) {
                if (byId.containsKey(p) && !dropped.contains(p)) {
                    ps.add(p);
                }
            }
            for (String p : extraParents.getOrDefault(node.uniqueId, Set.of())) {
                if (byId.containsKey(p)) {
                    ps.add(p);
                }
            }
            parents.put(node.uniqueId, ps);
            waiting.put(node.uniqueId, ps.size());
            ps.forEach(p -> children.computeIfAbsent(p, k -> new ArrayList<>()).add(node.uniqueId));
        }
        int total = (int) ordered.stream().filter(n -> !silent.contains(n.uniqueId)).count();
        PriorityQueue<String> ready = new PriorityQueue<>((a, b) -> Integer.compare(position.get(a), position.get(b)));
        waiting.forEach((id, count) -> {
            if (count == 0) {
                ready.add(id);
            }
        });
        Map<String, NodeResult> results = new LinkedHashMap<>();
        Set<String> blocked = new HashSet<>();
        Map<String, String> blockedBy = new HashMap<>();
        AtomicInteger index = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, new WorkerThreads());
        CompletionService<NodeResult> completion = new ExecutorCompletionService<>(pool);
        int running = 0;
        boolean stopped = false;
        List<NodeResult> order = new ArrayList<>();
        try {
            while (!ready.isEmpty() || running > 0) {
                while (!ready.isEmpty() && running < threads && !stopped) {
                    String id = ready.poll();
                    Node node = byId.get(id);
                    if (blocked.contains(id)) {
                        NodeResult skipped = skip(node, blockedBy.get(id), silent, index, total);
                        if (skipped != null) {
                            order.add(skipped);
                        }
                        results.put(id, skipped);
                        release(id, true, children, waiting, ready, blocked, blockedBy);
                        continue;
                    }
                    int number = silent.contains(id) ? 0 : index.incrementAndGet();
                    completion.submit(() -> runOne(node, number, total, silent.contains(id), work));
                    running++;
                }
                if (running == 0) {
                    break;
                }
                NodeResult result = take(completion);
                running--;
                if (result.uniqueId() != null && !silent.contains(result.uniqueId())) {
                    order.add(result);
                }
                results.put(result.uniqueId(), result);
                boolean failed = result.status() == NodeStatus.ERROR || result.status() == NodeStatus.FAIL
                        || result.status() == NodeStatus.SKIPPED || result.status() == NodeStatus.RUNTIME_ERROR;
                if (failed && failFast && result.status() != NodeStatus.SKIPPED) {
                    stopped = true;
                }
                release(result.uniqueId(), failed, children, waiting, ready, blocked, blockedBy);
            }
        } finally {
            pool.shutdownNow();
        }
        if (stopped) {
            for (Node node : ordered) {
                if (!results.containsKey(node.uniqueId) && !silent.contains(node.uniqueId)) {
                    NodeResult skipped = NodeResult.skipped(node.uniqueId, "Skipping due to fail_fast", "main");
                    order.add(skipped);
                    events.accept(new Event.NodeFinished(Instant.now(), 0, total, skipped, NodeDescriptions.of(node),
                            "SKIP"));
                }
            }
        }
        return order;
    }

    private NodeResult skip(Node node, String cause, Set<String> silent, AtomicInteger index, int total) {
        NodeResult skipped = NodeResult.skipped(node.uniqueId, "Skipping because " + cause + " failed or was skipped",
                "main");
        if (silent.contains(node.uniqueId)) {
            return null;
        }
        int number = index.incrementAndGet();
        events.accept(new Event.NodeFinished(Instant.now(), number, total, skipped, NodeDescriptions.of(node), "SKIP"));
        return skipped;
    }

    private static void release(String id, boolean failed, Map<String, List<String>> children,
                                Map<String, Integer> waiting, PriorityQueue<String> ready, Set<String> blocked,
                                Map<String, String> blockedBy) {
        for (String child : children.getOrDefault(id, List.of())) {
            if (failed && blocked.add(child)) {
                blockedBy.put(child, blockedBy.getOrDefault(id, id));
            }
            int left = waiting.merge(child, -1, Integer::sum);
            if (left == 0) {
                ready.add(child);
            }
        }
    }

    private NodeResult runOne(Node node, int number, int total, boolean silent, NodeWork work) {
        String description = NodeDescriptions.of(node);
        String thread = Thread.currentThread().getName();
        Instant started = Instant.now();
        if (!silent) {
            events.accept(new Event.NodeStarted(started, number, total, node.uniqueId, description));
        }
        NodeResult result;
        String summary;
        try {
            NodeWork.Done done = work.execute(node);
            Instant completed = Instant.now();
            result = new NodeResult(node.uniqueId, done.status(), done.message(), started, completed,
                    seconds(started, completed), thread, done.failures(), done.adapterResponse(), done.compiledCode(),
                    done.relationName());
            summary = done.summary();
        } catch (SluiceException e) {
            result = error(node, started, thread, e.at(node.describe(),
                    dev.sluice.core.errors.SourceLocation.of(node.originalFilePath)).describe());
            summary = "ERROR";
        } catch (AdapterException e) {
            result = error(node, started, thread, new SluiceException(dev.sluice.core.errors.ErrorCode.SQL_FAILED,
                    e.getMessage(), dev.sluice.core.errors.SourceLocation.of(node.originalFilePath), node.describe(), e)
                    .describe());
            summary = "ERROR";
        } catch (RuntimeException e) {
            result = error(node, started, thread, "Internal error in Sluice while running " + node.describe() + ": " + e);
            summary = "ERROR";
        }
        if (!silent) {
            events.accept(new Event.NodeFinished(Instant.now(), number, total, result, description, summary));
        }
        return result;
    }

    private static NodeResult error(Node node, Instant started, String thread, String message) {
        Instant completed = Instant.now();
        return new NodeResult(node.uniqueId, NodeStatus.ERROR, message, started, completed, seconds(started, completed),
                thread, null, Map.of(), null, null);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    private static NodeResult take(CompletionService<NodeResult> completion) {
        try {
            return completion.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SluiceException(dev.sluice.core.errors.ErrorCode.INTERNAL, "interrupted while running nodes");
        } catch (ExecutionException e) {
            throw new SluiceException(dev.sluice.core.errors.ErrorCode.INTERNAL, "a worker failed: " + e.getCause(),
                    null, null, e.getCause());
        }
    }

    /** Names worker threads as dbt does in run_results.json: Thread-1, Thread-2, ... */
    private static final class WorkerThreads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread thread = new Thread(r, "Thread-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }

}
