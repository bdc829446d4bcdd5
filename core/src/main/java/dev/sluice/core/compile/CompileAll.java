package dev.sluice.core.compile;

import dev.sluice.core.manifest.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * {@code compile} of a selection on {@code threads} workers, as dbt compiles with its threads. The result is what
 * compiling the nodes one after the other gives: {@code done} sees each compiled node in the given order, and the
 * first node (in that order) that fails stops it with its own error, after {@code done} saw every node before it.
 * Workers skip the nodes after a failure they know of.
 */
public final class CompileAll {
    private CompileAll() {
    }

    public static void inOrder(Compiler compiler, List<Node> nodes, int threads, Consumer<CompiledNode> done) {
        if (threads <= 1 || nodes.size() <= 1) {
            nodes.forEach(node -> done.accept(compiler.compile(node)));
            return;
        }
        CompiledNode[] compiled = new CompiledNode[nodes.size()];
        Throwable[] failures = new Throwable[nodes.size()];
        AtomicInteger firstFailure = new AtomicInteger(Integer.MAX_VALUE);
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < nodes.size() && i < firstFailure.get(); i = next.getAndIncrement()) {
                try {
                    compiled[i] = compiler.compile(nodes.get(i));
                } catch (RuntimeException | Error e) {
                    failures[i] = e;
                    firstFailure.accumulateAndGet(i, Math::min);
                }
            }
        };
        AtomicInteger names = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "Thread-" + names.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < Math.min(threads, nodes.size()); t++) {
                workers.add(pool.submit(worker));
            }
            for (Future<?> running : workers) {
                running.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while compiling", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a compile worker failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < nodes.size(); i++) {
            if (failures[i] instanceof RuntimeException e) {
                throw e;
            }
            if (failures[i] instanceof Error e) {
                throw e;
            }
            done.accept(compiled[i]);
        }
    }
}
