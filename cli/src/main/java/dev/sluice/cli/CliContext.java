package dev.sluice.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

/**
 * What one CLI process runs with, passed in rather than read from statics, so tests can run many invocations in one
 * JVM: the engine factory, the environment, the directory the user called from, the streams and the terminal.
 */
public record CliContext(ApiFactory apis, Map<String, String> env, Path cwd, PrintStream out, PrintStream err,
                         Terminal terminal, ZoneId zone) {
}
