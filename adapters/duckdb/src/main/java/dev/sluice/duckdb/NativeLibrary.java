package dev.sluice.duckdb;

import dev.sluice.spi.AdapterException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * DuckDB's JDBC driver loads its native library the first time it is used: from its own jar it inflates a 70 MB
 * shared object into a temporary file and links it; from sluice.jar, which leaves the library out, it links the copy
 * beside the jar (cli/README.md). Either takes from tens to hundreds of milliseconds. {@link #startLoading()} does that on a daemon
 * thread so it overlaps with parsing the project; {@link #awaitLoaded()} waits for it (and reports a failure) before
 * the first connection. Without a start, the first connection loads the library itself, as the driver always does.
 */
final class NativeLibrary {
    private final String nativeClass;
    private CompletableFuture<Void> loading;

    NativeLibrary() {
        this("org.duckdb.DuckDBNative");
    }

    /** {@code nativeClass}: the driver's class whose initialization loads the library. */
    NativeLibrary(String nativeClass) {
        this.nativeClass = nativeClass;
    }

    synchronized void startLoading() {
        if (loading != null) {
            return;
        }
        loading = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                Class.forName(nativeClass, true, NativeLibrary.class.getClassLoader());
                loading.complete(null);
            } catch (Throwable e) {
                loading.completeExceptionally(e);
            }
        }, "duckdb-native-load");
        thread.setDaemon(true);
        thread.start();
    }

    void awaitLoaded() {
        CompletableFuture<Void> started;
        synchronized (this) {
            started = loading;
        }
        if (started == null) {
            return;
        }
        try {
            started.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new AdapterException("cannot load DuckDB's native library: " + cause, cause, false);
        }
    }
}
