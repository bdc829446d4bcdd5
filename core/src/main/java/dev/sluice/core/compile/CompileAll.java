package dev.sluice.core.compile;

import dev.sluice.core.manifest.Node;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * {@code compile} of a selection on {@code threads} workers, as dbt compiles with its threads. The result is what
 * compiling the nodes one after the other gives: {@code done} sees each compiled node on the calling thread, in the
 * given order, as soon as it and every node before it are compiled (so writing them overlaps with compiling the
 * rest), and the first node in that order that fails stops it with its own error, after {@code done} saw every node
 * before it. Workers skip the nodes after a failure they know of.
 */
public final class CompileAll {
    private CompileAll() {
    }

    public static void inOrder(Compiler compiler, List<Node> nodes, int threads, Consumer<CompiledNode> done) {
        if (threads <= 1 || nodes.size() <= 1) {
            nodes.forEach(node -> done.accept(compiler.compile(node)));
            return;
        }
        @SuppressWarnings("unchecked")
        CompletableFuture<CompiledNode>[] compiled = new CompletableFuture[nodes.size()];
        for (int i = 0; i < compiled.length; i++) {
            compiled[i] = new CompletableFuture<>();
        }
        AtomicInteger firstFailure = new AtomicInteger(Integer.MAX_VALUE);
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < nodes.size(); i = next.getAndIncrement()) {
                if (i > firstFailure.get()) {
                    compiled[i].cancel(false);
                    continue;
                }
                try {
                    compiled[i].complete(compiler.compile(nodes.get(i)));
                } catch (RuntimeException | Error e) {
                    firstFailure.accumulateAndGet(i, Math::min);
                    compiled[i].completeExceptionally(e);
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
            for (int t = 0; t < Math.min(threads, nodes.size()); t++) {
                pool.execute(worker);
            }
            for (CompletableFuture<CompiledNode> node : compiled) {
                done.accept(result(node));
            }
        } finally {
            firstFailure.set(-1);
            pool.shutdown();
        }
    }

    private static CompiledNode result(CompletableFuture<CompiledNode> node) {
        try {
            return dev.sluice.core.parallel.Threads.join(node);
        } catch (CancellationException e) {
            throw new IllegalStateException("a node after a failed one was waited for", e);
        }
    }
}
