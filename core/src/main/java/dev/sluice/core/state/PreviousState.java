package dev.sluice.core.state;

import java.nio.file.Path;

/**
 * The artifacts of a previous invocation in a {@code --state} folder: its manifest.json (read on first use) and its
 * run_results.json (read on first use; absent for a parse or compile that wrote none).
 */
public final class PreviousState {
    private final Path dir;
    private StateManifest manifest;
    private PreviousRun run;

    public PreviousState(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public synchronized StateManifest manifest() {
        if (manifest == null) {
            manifest = StateManifest.read(dir.resolve("manifest.json"));
        }
        return manifest;
    }

    public synchronized PreviousRun run() {
        if (run == null) {
            run = PreviousRun.read(dir.resolve("run_results.json"));
        }
        return run;
    }
}
