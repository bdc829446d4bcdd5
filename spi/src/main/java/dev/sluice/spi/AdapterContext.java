package dev.sluice.spi;

import java.nio.file.Path;

/**
 * What the engine hands an adapter when it opens a connection: the project folder (relative database paths resolve
 * against it) and the number of worker threads that will share the adapter.
 */
public record AdapterContext(Path projectDir, int threads) {
}
