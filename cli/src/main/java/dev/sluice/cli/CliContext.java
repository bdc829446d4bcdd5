package dev.sluice.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What one CLI process runs with, passed in rather than read from statics, so tests can run many invocations in one
 * JVM: the engine factory, the environment, the directory the user called from, the streams, the terminal and the
 * zone log lines are stamped in.
 */
public record CliContext(ApiFactory apis, Map<String, String> env, Path cwd, PrintStream out, PrintStream err,
                         Terminal terminal, Supplier<ZoneId> zones) {

    public CliContext(ApiFactory apis, Map<String, String> env, Path cwd, PrintStream out, PrintStream err,
                      Terminal terminal, ZoneId zone) {
        this(apis, env, cwd, out, err, terminal, () -> zone);
    }

    /**
     * The zone, looked up when a command first stamps a line: the first look-up of the system zone reads the JDK's
     * time-zone data, which {@link WarmUp} does on another core meanwhile.
     */
    public ZoneId zone() {
        return zones.get();
    }
}
