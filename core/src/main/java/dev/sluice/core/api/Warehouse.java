package dev.sluice.core.api;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.spi.Adapter;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * A session's warehouse connection. It opens on first use, or ahead of it on a background thread ({@link #openAhead})
 * while the project parses, for commands that will run nodes: opening DuckDB (loading its native library) and reading
 * the parse cache then take one core each instead of one after the other. An error from an early open surfaces where
 * the connection is first used, as it would have without it. {@link #closeInBackground} lets the close (DuckDB
 * checkpoints its file) overlap with writing the artifacts; {@link #close} waits for it.
 */
final class Warehouse implements AutoCloseable {
    private final Supplier<Adapter> opener;
    private Adapter adapter;
    private FutureTask<Adapter> opening;
    private Thread closing;

    Warehouse(Supplier<Adapter> opener) {
        this.opener = opener;
    }

    /** Starts opening the connection now, on a thread of its own. */
    synchronized void openAhead() {
        if (adapter != null || opening != null) {
            return;
        }
        opening = new FutureTask<>(opener::get);
        Thread thread = new Thread(opening, "sluice-warehouse-open");
        thread.setDaemon(true);
        thread.start();
    }

    synchronized Adapter get() {
        if (adapter == null) {
            awaitClosing();
            if (opening != null) {
                FutureTask<Adapter> early = opening;
                opening = null;
                adapter = await(early);
            } else {
                adapter = opener.get();
            }
        }
        return adapter;
    }

    /** Closes the connection on a thread of its own; a later {@link #get} opens a new one. */
    synchronized void closeInBackground() {
        Adapter open = opened();
        if (open == null) {
            return;
        }
        awaitClosing();
        closing = new Thread(open::close, "sluice-warehouse-close");
        closing.start();
    }

    @Override
    public synchronized void close() {
        Adapter open = opened();
        if (open != null) {
            open.close();
        }
        awaitClosing();
    }

    /** The open connection, also one still opening ahead (null if that failed), which this warehouse lets go of. */
    private Adapter opened() {
        Adapter open = adapter;
        adapter = null;
        if (open == null && opening != null) {
            try {
                open = await(opening);
            } catch (RuntimeException failedToOpen) {
                open = null;
            } finally {
                opening = null;
            }
        }
        return open;
    }

    private void awaitClosing() {
        if (closing == null) {
            return;
        }
        dev.sluice.core.parallel.Threads.joinUninterruptibly(closing);
        closing = null;
    }

    private static Adapter await(FutureTask<Adapter> early) {
        try {
            return early.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SluiceException(ErrorCode.INTERNAL, "interrupted while connecting to the warehouse");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new SluiceException(ErrorCode.INTERNAL, "connecting to the warehouse failed: " + e.getCause(), null,
                    null, e.getCause());
        }
    }
}
