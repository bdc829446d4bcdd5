package dev.sluice.cli;

import dev.sluice.core.jinja.JinjaEngine;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Runs the Jinja engine's one-time set-up (and a little of the JDK's, see {@link #run}) on another core while the
 * command line is read and the reporter opened: a first {@link JinjaEngine} costs a few hundred milliseconds of class
 * loading and initialization (Jinjava, its filters, Guava, Jackson), the next one a few. The throwaway engine is dropped; the invocation builds its own as before, but
 * only after the warm-up ended, so the two threads never initialize the same classes at once.
 */
final class WarmUp {
    /** Arguments that end before any engine is built. */
    private static final Set<String> NO_ENGINE = Set.of("--version", "--help", "-h");

    private final Thread thread;

    private WarmUp(Thread thread) {
        this.thread = thread;
    }

    static WarmUp start(String[] args) {
        if (args.length == 0 || List.of(args).stream().anyMatch(NO_ENGINE::contains)) {
            return new WarmUp(null);
        }
        Thread thread = new Thread(WarmUp::run, "sluice-warm-up");
        thread.setDaemon(true);
        thread.start();
        return new WarmUp(thread);
    }

    /**
     * First the JDK's one-time set-up that the main thread would otherwise do before its first log line: the system
     * zone's rules (reading the time-zone data) and SecureRandom's seeding (for the invocation id). Each is a few tens
     * of milliseconds; the main thread, busy reading the command line meanwhile, later finds them done.
     */
    private static void run() {
        ZoneId.systemDefault();
        UUID.randomUUID();
        new JinjaEngine();
    }

    /** {@code apis}, creating the engine once the warm-up is over. */
    ApiFactory before(ApiFactory apis) {
        return sink -> {
            awaitEnd();
            return apis.create(sink);
        };
    }

    private void awaitEnd() {
        if (thread == null) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
