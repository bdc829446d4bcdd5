package dev.sluice.deploy.model;

import dev.sluice.deploy.DeployException;
import java.util.Locale;

/** queued -> starting -> running -> success | error | cancelled. */
public enum RunStatus {
    QUEUED, STARTING, RUNNING, SUCCESS, ERROR, CANCELLED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean finished() {
        return this == SUCCESS || this == ERROR || this == CANCELLED;
    }

    /** Claimed by a worker and not finished: the environment is busy. */
    public boolean active() {
        return this == STARTING || this == RUNNING;
    }

    public static RunStatus parse(String text) {
        for (RunStatus status : values()) {
            if (status.key().equalsIgnoreCase(text.strip())) {
                return status;
            }
        }
        throw new DeployException("unknown run status '" + text + "': use success, error or cancelled");
    }
}
