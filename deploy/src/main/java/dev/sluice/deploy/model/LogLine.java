package dev.sluice.deploy.model;

import java.time.Instant;

/** A line of a run's log; step 0 holds the run's own lines (checkout, profile), step n the lines of step n. */
public record LogLine(long runId, int step, int seq, Instant at, String level, String text) {
}
