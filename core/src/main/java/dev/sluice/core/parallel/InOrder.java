package dev.sluice.core.parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Maps a list on the machine's cores and hands the results back in list order, failing as the plain loop would: the
 * first item (in list order) whose function threw rethrows its error. Items after it may have run too; their results
 * are dropped. The function must touch no shared mutable state.
 *
 * <p>Used for the parse's independent per-file work (reading and hashing files, parsing schema YAML) and for
 * serializing manifest.json's nodes. Short-lived threads, started and joined inside {@link #map}: no pool outlives a
 * call, so nothing here is shared between invocations.
 */
public final class InOrder {
    /** Items a worker claims at a time: big enough to make the shared counter cheap, small enough to balance. */
    private static final int BATCH = 16;

    private final int threads;

    public InOrder(int threads) {
        this.threads = Math.max(1, threads);
    }

    /** As many threads as the JVM may use, at most four (the parse's parallel parts stop scaling there). */
    public static InOrder ofMachine() {
        return new InOrder(Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    public <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> function) {
        int size = items.size();
        int workers = Math.min(threads, (size + BATCH - 1) / BATCH);
        if (workers <= 1) {
            List<R> out = new ArrayList<>(size);
            for (T item : items) {
                out.add(function.apply(item));
            }
            return out;
        }
        Object[] results = new Object[size];
        Throwable[] failures = new Throwable[size];
        AtomicInteger next = new AtomicInteger();
        Runnable work = () -> {
            for (int start = next.getAndAdd(BATCH); start < size; start = next.getAndAdd(BATCH)) {
                for (int i = start; i < Math.min(size, start + BATCH); i++) {
                    try {
                        results[i] = function.apply(items.get(i));
                    } catch (RuntimeException | Error e) {
                        failures[i] = e;
                    }
                }
            }
        };
        Thread[] helpers = new Thread[workers - 1];
        for (int i = 0; i < helpers.length; i++) {
            helpers[i] = new Thread(work, "sluice-parse-" + (i + 1));
            helpers[i].setDaemon(true);
            helpers[i].start();
        }
        work.run();
        joinAll(helpers);
        for (int i = 0; i < size; i++) {
            if (failures[i] instanceof RuntimeException e) {
                throw e;
            }
            if (failures[i] instanceof Error e) {
                throw e;
            }
        }
        @SuppressWarnings("unchecked")
        List<R> out = new ArrayList<>((List<R>) Arrays.asList(results));
        return out;
    }

    private static void joinAll(Thread[] threads) {
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
