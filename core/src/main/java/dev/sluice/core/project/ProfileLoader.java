package dev.sluice.core.project;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.errors.SourceLocation;
import dev.sluice.core.jinja.ContextFunctions;
import dev.sluice.core.parallel.Memo;
import dev.sluice.core.jinja.JinjaEngine;
import dev.sluice.spi.TargetConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Finds profiles.yml as dbt does ({@code --profiles-dir}, else {@code DBT_PROFILES_DIR}, which is that flag's
 * environment variable and so the only folder searched when set; else the project folder, then {@code ~/.dbt}), picks
 * the profile and target, and renders the target's fields ({@code env_var()} included).
 */
public final class ProfileLoader {
    public static final String PROFILES_FILE = "profiles.yml";

    private final JinjaEngine jinja;
    private final EnvVars env;
    private final Consumer<String> logger;

    public ProfileLoader(JinjaEngine jinja, EnvVars env, Consumer<String> logger) {
        this.jinja = jinja;
        this.env = env;
        this.logger = logger;
    }

    /** The folders searched, in order, for messages and {@code sluice debug}. */
    public List<Path> searchPath(ProfileRequest request, Path projectDir) {
        List<Path> dirs = new ArrayList<>();
        if (request.profilesDir() != null) {
            dirs.add(request.profilesDir());
            return dirs;
        }
        java.util.Optional<String> fromEnv = env.get("DBT_PROFILES_DIR").filter(dir -> !dir.isBlank());
        if (fromEnv.isPresent()) {
            dirs.add(Path.of(fromEnv.get()));
            return dirs;
        }
        dirs.add(projectDir);
        String home = env.get("HOME").orElse(System.getProperty("user.home"));
        dirs.add(Path.of(home, ".dbt"));
        return dirs;
    }

    public Path locate(ProfileRequest request, Path projectDir) {
        List<Path> dirs = searchPath(request, projectDir);
        for (Path dir : dirs) {
            Path file = dir.resolve(PROFILES_FILE);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new SluiceException(ErrorCode.PROFILE_NOT_FOUND, "Could not find profiles.yml; looked in "
                + dirs.stream().map(Path::toString).toList()
                + ". Create one, or point --profiles-dir or DBT_PROFILES_DIR at its folder.", null);
    }

    @SuppressWarnings("unchecked")
    public TargetConfig load(ProfileRequest request, Path projectDir, String projectProfile, Map<String, Object> cliVars) {
        Path file = locate(request, projectDir);
        String shown = file.toString();
        Map<String, Object> profiles = YamlReader.readMap(file, shown);
        String profileName = request.profile() != null ? request.profile() : projectProfile;
        Object profileValue = profiles.get(profileName);
        if (!(profileValue instanceof Map<?, ?>)) {
            List<String> available = profiles.keySet().stream().filter(k -> !k.equals("config")).toList();
            throw new SluiceException(ErrorCode.PROFILE_NOT_FOUND, "Could not find profile named '" + profileName
                    + "' in " + shown + " (profiles there: " + available + ")", SourceLocation.of(shown));
        }
        Map<String, Object> profile = (Map<String, Object>) profileValue;
        // built only if a value holds Jinja (most files hold none, and the functions are many)
        Memo<Map<String, Object>> context = Memo.of(
                () -> ContextFunctions.base(Vars.cliOnly(cliVars).forPackage(null), env, logger, null));
        String targetName = request.target() != null ? request.target()
                : String.valueOf(YamlJinja.render(profile.getOrDefault("target", "default"),
                        t -> jinja.renderPlain(t, context.get(), shown), Set.of()));
        Object outputs = profile.get("outputs");
        if (!(outputs instanceof Map<?, ?> outputMap) || !(outputMap.get(targetName) instanceof Map<?, ?>)) {
            List<String> names = outputs instanceof Map<?, ?> m ? m.keySet().stream().map(String::valueOf).toList() : List.of();
            throw new SluiceException(ErrorCode.PROFILE_INVALID, "The profile '" + profileName
                    + "' does not have a target named '" + targetName + "'. Valid target names: " + names,
                    SourceLocation.of(shown));
        }
        Map<String, Object> fields = (Map<String, Object>) YamlJinja.render(outputMap.get(targetName),
                t -> jinja.renderPlain(t, context.get(), shown), Set.of());
        Object type = fields.get("type");
        if (type == null) {
            throw new SluiceException(ErrorCode.PROFILE_INVALID, "target '" + targetName + "' of profile '"
                    + profileName + "' has no 'type'", SourceLocation.of(shown));
        }
        int threads = request.threads() != null ? request.threads() : intField(fields.get("threads"), 1, shown);
        Map<String, Object> copy = new LinkedHashMap<>(fields);
        String database = fields.get("database") == null ? null : String.valueOf(fields.get("database"));
        String schema = String.valueOf(fields.getOrDefault("schema", "main"));
        return new TargetConfig(profileName, targetName, String.valueOf(type), database, schema, threads, copy);
    }

    private static int intField(Object value, int fallback, String file) {
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw new SluiceException(ErrorCode.PROFILE_INVALID, "threads must be a whole number, not '" + value + "'",
                    SourceLocation.of(file));
        }
    }
}
