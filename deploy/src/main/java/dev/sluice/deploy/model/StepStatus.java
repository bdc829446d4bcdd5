package dev.sluice.deploy.model;

import java.util.Locale;

/** A step's state; skipped steps did not run (an earlier step failed, or docs were asked for but cannot be made). */
public enum StepStatus {
    QUEUED, RUNNING, SUCCESS, ERROR, CANCELLED, SKIPPED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StepStatus of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
