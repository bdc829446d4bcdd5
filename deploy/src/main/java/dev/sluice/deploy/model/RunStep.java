package dev.sluice.deploy.model;

import java.time.Duration;
import java.time.Instant;

/**
 * A step of a run: one command (or the freshness or docs step), with its own status, timing and log.
 *
 * @param kind "command", "freshness" or "docs"
 */
public record RunStep(long runId, int index, String kind, String command, StepStatus status, Instant startedAt,
                      Instant finishedAt, String statusMessage) {

    public Duration duration() {
        return startedAt == null || finishedAt == null ? null : Duration.between(startedAt, finishedAt);
    }
}
