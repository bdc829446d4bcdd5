package dev.sluice.deploy.model;

import dev.sluice.deploy.DeployException;
import java.util.Locale;

/** A development environment (each developer's branch builds into its own schema) or a deployment environment. */
public enum EnvironmentKind {
    DEVELOPMENT, DEPLOYMENT;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EnvironmentKind parse(String text) {
        for (EnvironmentKind kind : values()) {
            if (kind.key().equalsIgnoreCase(text.strip())) {
                return kind;
            }
        }
        throw new DeployException("unknown environment kind '" + text + "': use development or deployment");
    }
}
