package dev.sluice.cli;

import dev.sluice.core.jinja.JinjaEngine;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One-time set-up done on other cores while the command line is read and the reporter opened: Jinjava's (a first
 * Jinja engine costs a few hundred milliseconds of class loading and initialization — Jinjava, its filters, Guava,
 * Jackson — built ahead by {@link JinjaEngine#prepareAhead} for the first engine that renders) and a little of the
 * JDK's ({@link #run}). Nothing waits for either: a command on a cached parse often never renders at all.
 */
final class WarmUp {
    /** Arguments that end before any engine is built. */
    private static final Set<String> NO_ENGINE = Set.of("--version", "--help", "-h");

    private WarmUp() {
    }

    static void start(String[] args) {
        if (args.length == 0 || List.of(args).stream().anyMatch(NO_ENGINE::contains)) {
            return;
        }
        JinjaEngine.prepareAhead();
        Thread thread = new Thread(WarmUp::run, "sluice-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The JDK's one-time set-up that the main thread would otherwise do before its first log line: the system zone's
     * rules (reading the time-zone data) and SecureRandom's seeding (for the invocation id). Each is a few tens of
     * milliseconds; the main thread, busy reading the command line meanwhile, later finds them done.
     */
    private static void run() {
        ZoneId.systemDefault();
        UUID.randomUUID();
    }
}
