package dev.sluice.deploy.model;

import dev.sluice.deploy.DeployException;
import java.util.Locale;

/** What a deployment environment is for; a project has at most one production environment. */
public enum DeploymentType {
    PRODUCTION, STAGING, GENERAL;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeploymentType parse(String text) {
        for (DeploymentType type : values()) {
            if (type.key().equalsIgnoreCase(text.strip())) {
                return type;
            }
        }
        throw new DeployException("unknown deployment type '" + text + "': use production, staging or general");
    }
}
