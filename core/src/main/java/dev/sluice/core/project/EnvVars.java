package dev.sluice.core.project;

import java.util.Map;
import java.util.Optional;

/**
 * The process environment as Jinja's {@code env_var()} sees it. An object, not {@code System.getenv()} calls, so tests
 * and the server can give each project its own environment.
 */
public record EnvVars(Map<String, String> values) {
    public static final String SECRET_PREFIX = "DBT_ENV_SECRET_";

    public static EnvVars system() {
        return new EnvVars(System.getenv());
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }
}
