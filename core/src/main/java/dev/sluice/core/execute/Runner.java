package dev.sluice.core.execute;

import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.events.Event;
import dev.sluice.core.events.EventSink;
import dev.sluice.core.manifest.Node;
import dev.sluice.spi.AdapterException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks the selected DAG with {@code threads} workers (named Thread-1, Thread-2, ... as dbt names them in
 * run_results.json): a node starts when its selected parents are done; when a parent failed or was skipped it is
 * skipped; with fail-fast the first failure stops everything not yet started. Nodes that produce no result of their
 * own (ephemeral models) pass straight through. The workers take ready nodes from a shared {@link DagWalk} themselves,
 * so finishing a node and starting the next costs no hand-over to a dispatching thread.
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
        DagWalk walk = new DagWalk(ordered, extraParents, droppedParents, silent, events, failFast);
        List<Thread> workers = new ArrayList<>();
        for (int i = 1; i <= threads; i++) {
            Thread worker = new Thread(() -> walk(walk, silent, work), "Thread-" + i);
            worker.setDaemon(true);
            workers.add(worker);
        }
        workers.forEach(Thread::start);
        try {
            for (Thread worker : workers) {
                worker.join();
            }
        } catch (InterruptedException e) {
            workers.forEach(Thread::interrupt);
            Thread.currentThread().interrupt();
            throw new SluiceException(dev.sluice.core.errors.ErrorCode.INTERNAL, "interrupted while running nodes");
        }
        Throwable crash = walk.crash();
        if (crash != null) {
            throw new SluiceException(dev.sluice.core.errors.ErrorCode.INTERNAL, "a worker failed: " + crash, null, null,
                    crash);
        }
        return walk.results();
    }

    /**
     * One worker: takes ready nodes until the walk is over; a node it finishes hands it the next. Anything thrown
     * past {@link #runOne} (an Error, or an event sink failing) stops the walk, and the runner reports it.
     */
    private void walk(DagWalk walk, Set<String> silent, NodeWork work) {
        DagWalk.Claim claim;
        try {
            claim = walk.next();
        } catch (Throwable e) {
            walk.crashed(e, false);
            return;
        }
        while (claim != null) {
            NodeResult result;
            try {
                result = runOne(claim.node(), claim.number(), walk.total(), silent.contains(claim.node().uniqueId),
                        work);
            } catch (Throwable e) {
                walk.crashed(e, true);
                return;
            }
            try {
                claim = walk.finishAndNext(result);
            } catch (Throwable e) {
                walk.crashed(e, false);
                return;
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
}
