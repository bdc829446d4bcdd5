package dev.sluice.core.artifacts;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The {@code metadata} block of a dbt artifact. The manifest-only fields ({@code projectName}, {@code projectId},
 * {@code adapterType}, {@code userId}, {@code sendAnonymousUsageStats}) are left out of run_results.json, whose v6
 * schema forbids them.
 *
 * <p>{@code dbtVersion} is the dbt release whose artifact shapes Sluice writes ({@link #DBT_VERSION}). Tools that read
 * artifacts (dbt-docs, state comparison, elementary, ...) gate features on dbt's major.minor, so this must name a
 * dbt version, not Sluice's own.
 *
 * @param env values of {@code DBT_ENV_CUSTOM_ENV_*} variables, as dbt records them (secret keys are dropped)
 */
public record ArtifactMetadata(String dbtSchemaVersion, String dbtVersion, Instant generatedAt, String invocationId,
                               Map<String, String> env, String projectName, String projectId, String adapterType,
                               String userId, boolean sendAnonymousUsageStats) {

    public static final String MANIFEST_SCHEMA = "https://schemas.getdbt.com/dbt/manifest/v12.json";
    public static final String RUN_RESULTS_SCHEMA = "https://schemas.getdbt.com/dbt/run-results/v6.json";
    /** The dbt release whose manifest v12 / run_results v6 shapes these writers follow. */
    public static final String DBT_VERSION = "1.9.0";

    public ArtifactMetadata {
        Objects.requireNonNull(dbtSchemaVersion, "dbtSchemaVersion");
        Objects.requireNonNull(generatedAt, "generatedAt");
        dbtVersion = dbtVersion == null ? DBT_VERSION : dbtVersion;
        invocationId = invocationId == null ? UUID.randomUUID().toString() : invocationId;
        env = withoutSecrets(env);
    }

    /** Metadata for manifest.json; {@code projectId} is the md5 of the project name, as dbt computes it. */
    public static ArtifactMetadata forManifest(String projectName, String adapterType, UUID invocationId,
                                               Instant generatedAt) {
        return forManifest(projectName, adapterType, invocationId, generatedAt, Map.of());
    }

    /** {@code env}: the DBT_ENV_CUSTOM_ENV_* variables without their prefix ({@link #customEnv}). */
    public static ArtifactMetadata forManifest(String projectName, String adapterType, UUID invocationId,
                                               Instant generatedAt, Map<String, String> env) {
        return new ArtifactMetadata(MANIFEST_SCHEMA, DBT_VERSION, generatedAt, String.valueOf(invocationId), env,
                projectName, projectName == null ? null : Hashes.md5(projectName), adapterType, null, false);
    }

    /** DBT_ENV_CUSTOM_ENV_* variables of {@code environment}, without their prefix, as dbt records them. */
    public static Map<String, String> customEnv(Map<String, String> environment) {
        Map<String, String> out = new java.util.TreeMap<>();
        environment.forEach((k, v) -> {
            if (k.startsWith("DBT_ENV_CUSTOM_ENV_")) {
                out.put(k.substring("DBT_ENV_CUSTOM_ENV_".length()), v);
            }
        });
        return out;
    }

    /** Metadata for run_results.json. */
    public static ArtifactMetadata forRunResults(UUID invocationId, Instant generatedAt) {
        return new ArtifactMetadata(RUN_RESULTS_SCHEMA, DBT_VERSION, generatedAt, String.valueOf(invocationId),
                Map.of(), null, null, null, null, false);
    }

    /** The same invocation, described for another artifact (keeps invocation id, time and env). */
    public ArtifactMetadata withSchema(String schemaUrl) {
        return new ArtifactMetadata(schemaUrl, dbtVersion, generatedAt, invocationId, env, projectName, projectId,
                adapterType, userId, sendAnonymousUsageStats);
    }

    public ArtifactMetadata withEnv(Map<String, String> newEnv) {
        return new ArtifactMetadata(dbtSchemaVersion, dbtVersion, generatedAt, invocationId, newEnv, projectName,
                projectId, adapterType, userId, sendAnonymousUsageStats);
    }

    private static Map<String, String> withoutSecrets(Map<String, String> env) {
        Map<String, String> out = new TreeMap<>();
        if (env != null) {
            env.forEach((k, v) -> {
                if (k != null && !k.startsWith("DBT_ENV_SECRET")) {
                    out.put(k, v);
                }
            });
        }
        return Collections.unmodifiableMap(out);
    }
}
