package dev.sluice.deploy.model;

import dev.sluice.core.project.EnvVars;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where code runs: a git branch, a warehouse connection and the credentials that pick the schema.
 *
 * @param deploymentType production, staging or general for a deployment environment; null for development
 * @param gitBranch      the branch deployment runs check out (null: {@code main}); development builds use the
 *                       developer's current branch
 * @param profileTarget  the connection comes from this target of the project's profiles.yml ...
 * @param connection     ... or from these settings of the environment's own ({@code type}, {@code path}, {@code host})
 * @param schema         deployment credentials: the schema the environment builds into (development: the prefix of
 *                       the per-branch schema, see {@link dev.sluice.deploy.git.DevSchema})
 * @param user           credentials user, for warehouses that have one
 * @param password       credentials secret: never printed, passed to the engine only as a secret environment variable
 * @param targetName     {@code target.name} in Jinja (default: the profile target's name, or "default")
 * @param variables      environment variables the engine sees ({@code env_var()}); DBT_ENV_SECRET_* values are secret
 */
public record Environment(long id, String name, EnvironmentKind kind, DeploymentType deploymentType, String gitBranch,
                          String profileTarget, Map<String, String> connection, String schema, String user,
                          String password, String targetName, Integer threads, Map<String, String> variables,
                          Instant createdAt, Instant updatedAt) {

    public static final String DEFAULT_BRANCH = "main";
    public static final String MASK = "*****";

    public String branch() {
        return gitBranch == null || gitBranch.isBlank() ? DEFAULT_BRANCH : gitBranch;
    }

    public boolean isDeployment() {
        return kind == EnvironmentKind.DEPLOYMENT;
    }

    /** The kind as users read it: "development", "deployment (production)". */
    public String describeKind() {
        return kind == EnvironmentKind.DEVELOPMENT ? "development" : "deployment (" + deploymentType.key() + ")";
    }

    /** The variables with every secret value masked, for printing. */
    public Map<String, String> shownVariables() {
        Map<String, String> shown = new LinkedHashMap<>();
        variables.forEach((k, v) -> shown.put(k, isSecret(k) ? MASK : v));
        return shown;
    }

    public static boolean isSecret(String variable) {
        return variable.startsWith(EnvVars.SECRET_PREFIX);
    }

    /** A mutable copy for edits. */
    public EnvironmentDraft toDraft() {
        EnvironmentDraft d = new EnvironmentDraft(name, kind);
        d.deploymentType = deploymentType;
        d.gitBranch = gitBranch;
        d.profileTarget = profileTarget;
        d.connection = new LinkedHashMap<>(connection);
        d.schema = schema;
        d.user = user;
        d.password = password;
        d.targetName = targetName;
        d.threads = threads;
        d.variables = new LinkedHashMap<>(variables);
        return d;
    }

    @Override
    public String toString() {
        return "Environment[" + id + " " + name + " " + describeKind() + " branch=" + branch() + " schema=" + schema + "]";
    }
}
