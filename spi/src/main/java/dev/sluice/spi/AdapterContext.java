package dev.sluice.spi;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * What the engine hands an adapter when it opens a connection: the project folder (relative database paths resolve
 * against it), the number of worker threads that will share the adapter, and {@code notices}, where the adapter
 * reports what the user should know but that is not a failure (a retried transient error, a dependent view dropped).
 * The engine shows notices as warnings; they must never hold secrets.
 */
public record AdapterContext(Path projectDir, int threads, Consumer<String> notices) {

    public AdapterContext {
        notices = notices == null ? text -> { } : notices;
    }

    /** A context whose notices go nowhere. */
    public AdapterContext(Path projectDir, int threads) {
        this(projectDir, threads, null);
    }
}
