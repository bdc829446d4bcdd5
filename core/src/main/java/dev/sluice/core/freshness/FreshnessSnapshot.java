package dev.sluice.core.freshness;

import java.time.Instant;
import java.util.Map;

/**
 * What one sources.json says, by source unique id: each source's status and, unless the check was a runtime error,
 * its {@code max_loaded_at}. {@code source_status:} selection compares two of these.
 */
public record FreshnessSnapshot(Map<String, Entry> entries) {

    public record Entry(FreshnessStatus status, Instant maxLoadedAt) {
        public boolean isRuntimeError() {
            return status == FreshnessStatus.RUNTIME_ERROR || maxLoadedAt == null;
        }
    }

    public FreshnessSnapshot {
        entries = Map.copyOf(entries);
    }
}
