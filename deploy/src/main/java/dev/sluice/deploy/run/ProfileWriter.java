package dev.sluice.deploy.run;

import dev.sluice.deploy.DeployException;
import dev.sluice.deploy.model.Environment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Writes the profiles.yml an environment's commands run with ("create profile from connection"): the connection (a
 * target of the project's own profiles.yml, or the environment's settings) with the credentials laid over it: the
 * schema, the user, and the password as {@code env_var('DBT_ENV_SECRET_SLUICE_PASSWORD')}, so the file never holds a
 * secret. A relative {@code path} (DuckDB's database file) is made absolute against the base folder (the folder
 * holding {@code .sluice}), so every run of an environment builds into the same database, not into its throw-away
 * workspace.
 */
public final class ProfileWriter {
    public static final String PASSWORD_VARIABLE = "DBT_ENV_SECRET_SLUICE_PASSWORD";

    private ProfileWriter() {
    }

    /** What the engine is pointed at: {@code --profiles-dir}, {@code --profile}, {@code --target}, secret vars. */
    public record Written(Path profilesDir, String profile, String target, String schema,
                          Map<String, String> secretVariables) {
    }

    /**
     * @param schema  the schema to build into (the credentials schema, a run's override, or a dev schema)
     * @param threads null to keep the connection's
     */
    public static Written write(Environment env, Path projectDir, Path baseDir, Path outDir, String schema,
                                Integer threads) {
        String profile = projectProfile(projectDir);
        Map<String, Object> fields = new LinkedHashMap<>();
        if (env.profileTarget() != null) {
            fields.putAll(profileTarget(projectDir, profile, env.profileTarget(), env.name()));
        } else {
            env.connection().forEach((k, v) -> fields.put(k, scalar(v)));
        }
        if (schema != null) {
            fields.put("schema", schema);
        }
        if (env.user() != null) {
            fields.put("user", env.user());
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        if (env.password() != null) {
            fields.put("password", "{{ env_var('" + PASSWORD_VARIABLE + "') }}");
            secrets.put(PASSWORD_VARIABLE, env.password());
        }
        Integer t = threads != null ? threads : env.threads();
        if (t != null) {
            fields.put("threads", t);
        }
        Object path = fields.get("path");
        if (path instanceof String p && !p.isBlank() && !p.contains("{{") && !p.startsWith(":memory:")
                && !p.contains("://") && !Path.of(p).isAbsolute()) {
            fields.put("path", baseDir.resolve(p).normalize().toString());
        }
        String target = env.targetName() != null ? env.targetName()
                : env.profileTarget() != null ? env.profileTarget() : "default";
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put(target, fields);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("target", target);
        body.put("outputs", outputs);
        Map<String, Object> file = new LinkedHashMap<>();
        file.put(profile, body);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        try {
            Files.createDirectories(outDir);
            Files.writeString(outDir.resolve("profiles.yml"), "# Written by Sluice for environment '" + env.name()
                    + "'\n" + new Yaml(options).dump(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DeployException("cannot write the profile for environment '" + env.name() + "': "
                    + e.getMessage(), e);
        }
        Object written = fields.get("schema");
        return new Written(outDir, profile, target, written == null ? null : String.valueOf(written), secrets);
    }

    /** The {@code profile:} of dbt_project.yml. */
    public static String projectProfile(Path projectDir) {
        Map<String, Object> project = readYaml(projectDir.resolve("dbt_project.yml"));
        if (project == null) {
            throw new DeployException("No dbt_project.yml in " + projectDir + ".");
        }
        Object profile = project.get("profile");
        return profile == null ? "default" : String.valueOf(profile);
    }

    /** The default {@code target:} of the project's profile in its profiles.yml ("dev" when it names none). */
    public static String defaultTarget(Path projectDir) {
        Map<String, Object> profiles = readYaml(projectDir.resolve("profiles.yml"));
        if (profiles != null && profiles.get(projectProfile(projectDir)) instanceof Map<?, ?> p
                && p.get("target") != null) {
            return String.valueOf(p.get("target"));
        }
        return "dev";
    }

    private static Map<String, Object> profileTarget(Path projectDir, String profile, String target, String env) {
        Path file = projectDir.resolve("profiles.yml");
        Map<String, Object> profiles = readYaml(file);
        if (profiles == null) {
            throw new DeployException("Environment '" + env + "' takes its connection from target '" + target
                    + "' of profiles.yml, but the project has no profiles.yml (" + file + ").");
        }
        if (profiles.get(profile) instanceof Map<?, ?> p && p.get("outputs") instanceof Map<?, ?> outputs
                && outputs.get(target) instanceof Map<?, ?> fields) {
            Map<String, Object> out = new LinkedHashMap<>();
            fields.forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        }
        throw new DeployException("Environment '" + env + "' takes its connection from target '" + target
                + "' of profile '" + profile + "', which " + file + " does not define.");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readYaml(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            Object parsed = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(Files.readString(file, StandardCharsets.UTF_8));
            return parsed instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        } catch (IOException | RuntimeException e) {
            throw new DeployException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** A connection setting as YAML should type it: whole numbers and booleans unquoted. */
    private static Object scalar(String value) {
        if (value.matches("-?[0-9]{1,9}")) {
            return Integer.parseInt(value);
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        return value;
    }
}
