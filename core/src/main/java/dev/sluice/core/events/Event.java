package dev.sluice.core.events;

import dev.sluice.core.execute.NodeResult;
import dev.sluice.core.execute.RunResults;
import java.time.Instant;
import java.util.Map;

/**
 * What the engine reports while it works. Core never prints: front ends turn these into console lines, log files,
 * JSON lines, or rows of a run's log in the deploy store.
 */
public sealed interface Event {
    Instant at();

    enum Level { DEBUG, INFO, WARN, ERROR }

    /** Free text: project facts, warnings, {@code log()} calls from templates. */
    record Message(Instant at, Level level, String text) implements Event {
        public static Message info(String text) {
            return new Message(Instant.now(), Level.INFO, text);
        }

        public static Message warn(String text) {
            return new Message(Instant.now(), Level.WARN, text);
        }

        public static Message debug(String text) {
            return new Message(Instant.now(), Level.DEBUG, text);
        }
    }

    /**
     * Execution of the selected nodes begins. {@code nodeCounts} is "3 seeds", "5 models" style counts by kind, in the
     * order dbt prints them; {@code threads} and {@code targetName} make the "Concurrency" line.
     */
    record RunStarted(Instant at, String command, int total, Map<String, Integer> nodeCounts, int threads,
                      String targetName) implements Event {
    }

    /** A node starts. {@code description} is e.g. "sql table model main.customers". */
    record NodeStarted(Instant at, int index, int total, String uniqueId, String description) implements Event {
    }

    /**
     * A node ended. {@code description} as in {@link NodeStarted}; {@code summary} is the bracketed part dbt prints at
     * the end of the line ("CREATE VIEW", "INSERT 100", "PASS", "FAIL 3", "ERROR").
     */
    record NodeFinished(Instant at, int index, int total, NodeResult result, String description, String summary)
            implements Event {
    }

    /** Hooks (on-run-start/end) ran; {@code name} e.g. "shop-on-run-start-0". */
    record HookFinished(Instant at, String name, boolean success, double seconds) implements Event {
    }

    /** The command finished; {@code results} is null for commands that execute nothing. */
    record RunFinished(Instant at, RunResults results) implements Event {
    }
}
