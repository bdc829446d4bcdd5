package dev.sluice.deploy;

import dev.sluice.deploy.git.DevSchema;
import dev.sluice.deploy.git.GitRepo;
import dev.sluice.deploy.model.Environment;
import dev.sluice.deploy.model.EnvironmentKind;
import dev.sluice.deploy.run.ProfileWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The development side: a developer's builds run in their working copy with the development environment's
 * connection, into the schema their current branch decides ({@link DevSchema}: {@code <prefix>_<branch>}).
 */
public final class Development {
    private final Deploy deploy;

    Development(Deploy deploy) {
        this.deploy = deploy;
    }

    /**
     * Where a development build of the project in {@code projectDir} goes now.
     *
     * @param profile  the written profile to run with ({@code --profiles-dir}, {@code --profile}, {@code --target})
     * @param env      the development environment's variables (with secrets) for the engine
     */
    public record Target(String branch, String schema, String environment, ProfileWriter.Written profile,
                         Map<String, String> env) {
    }

    public Target target(Path projectDir) {
        String branch;
        try (GitRepo repo = GitRepo.open(projectDir, deploy.config().baseEnv())) {
            branch = repo.currentBranch();
        }
        Environment env = environment(projectDir);
        String schema = DevSchema.of(env.schema(), branch);
        ProfileWriter.Written profile = ProfileWriter.write(env, projectDir, deploy.config().baseDir(),
                deploy.config().dataDir().resolve("dev-profile"), schema, null);
        Map<String, String> variables = new LinkedHashMap<>(env.variables());
        variables.putAll(profile.secretVariables());
        return new Target(branch, schema, env.id() == 0 ? null : env.name(), profile, variables);
    }

    /** The development environment, or (when none is defined) the project profile's default target. */
    private Environment environment(Path projectDir) {
        List<Environment> dev = deploy.environments().list().stream()
                .filter(e -> e.kind() == EnvironmentKind.DEVELOPMENT).toList();
        if (!dev.isEmpty()) {
            return dev.get(0);
        }
        return new Environment(0, "development", EnvironmentKind.DEVELOPMENT, null, null,
                ProfileWriter.defaultTarget(projectDir), Map.of(), null, null, null, null, null, Map.of(), null, null);
    }
}
