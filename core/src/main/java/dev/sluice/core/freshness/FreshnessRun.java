package dev.sluice.core.freshness;

import dev.sluice.core.events.Event;
import dev.sluice.core.events.EventSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks sources on a pool of {@code threads} workers (sources have no order among themselves), reporting a
 * NodeStarted and a NodeFinished event for each. Results come back in the order of the targets.
 */
public final class FreshnessRun {
    private final EventSink events;
    private final FreshnessCheck check;
    private final int threads;

    public FreshnessRun(EventSink events, FreshnessCheck check, int threads) {
        this.events = events;
        this.check = check;
        this.threads = Math.max(1, threads);
    }

    public List<SourceFreshness> run(List<FreshnessTarget> targets) {
        int total = targets.size();
        AtomicInteger started = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, total)), new Workers());
        try {
            List<Future<SourceFreshness>> futures = new ArrayList<>();
            for (FreshnessTarget target : targets) {
                futures.add(pool.submit(() -> checkOne(target, started.incrementAndGet(), total)));
            }
            List<SourceFreshness> results = new ArrayList<>();
            for (Future<SourceFreshness> future : futures) {
                results.add(await(future));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private SourceFreshness checkOne(FreshnessTarget target, int index, int total) {
        events.accept(new Event.NodeStarted(Instant.now(), index, total, target.source().uniqueId,
                target.description()));
        SourceFreshness result = check.check(target);
        events.accept(new Event.NodeFinished(Instant.now(), index, total, result.toNodeResult(), target.description(),
                result.status().summary()));
        return result;
    }

    private static SourceFreshness await(Future<SourceFreshness> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking source freshness", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a freshness worker failed: " + e.getCause(), e.getCause());
        }
    }

    /** Thread-1, Thread-2, ... as dbt names them in its artifacts. */
    private static final class Workers implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread thread = new Thread(r, "Thread-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
