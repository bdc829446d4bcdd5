package dev.sluice.core.project;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.errors.SourceLocation;
import dev.sluice.core.jinja.ContextFunctions;
import dev.sluice.core.parallel.Memo;
import dev.sluice.core.jinja.JinjaEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Reads and renders dbt_project.yml. */
public final class ProjectLoader {
    public static final String PROJECT_FILE = "dbt_project.yml";
    /** Rendered at run time, not when the project loads (dbt does the same). */
    private static final Set<String> RUNTIME_KEYS = Set.of("on-run-start", "on-run-end", "pre-hook", "post-hook",
            "+pre-hook", "+post-hook", "pre_hook", "post_hook", "+pre_hook", "+post_hook", "vars");

    private final JinjaEngine jinja;
    private final EnvVars env;
    private final Consumer<String> logger;

    public ProjectLoader(JinjaEngine jinja, EnvVars env, Consumer<String> logger) {
        this.jinja = jinja;
        this.env = env;
        this.logger = logger;
    }

    public ProjectConfig load(Path projectDir, Map<String, Object> cliVars) {
        Path file = projectDir.resolve(PROJECT_FILE);
        if (!Files.isRegularFile(file)) {
            throw new SluiceException(ErrorCode.PROJECT_NOT_FOUND, "No dbt_project.yml found at expected path "
                    + file.toAbsolutePath() + "\nVerify that each entry within packages.yml (and their transitive "
                    + "dependencies) contains a file named dbt_project.yml", SourceLocation.of(PROJECT_FILE));
        }
        Map<String, Object> raw = YamlReader.readMap(file, PROJECT_FILE);
        // built only if a value holds Jinja (most files hold none, and the functions are many)
        Memo<Map<String, Object>> context = Memo.of(
                () -> ContextFunctions.base(Vars.cliOnly(cliVars).forPackage(null), env, logger, null));
        @SuppressWarnings("unchecked")
        Map<String, Object> yaml = (Map<String, Object>) YamlJinja.render(raw,
                text -> jinja.renderPlain(text, context.get(), PROJECT_FILE), RUNTIME_KEYS);
        return toConfig(projectDir, yaml);
    }

    private static ProjectConfig toConfig(Path root, Map<String, Object> yaml) {
        String name = requireString(yaml, "name");
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new SluiceException(ErrorCode.CONFIG_INVALID, "project name '" + name
                    + "' must be letters, digits and underscores, starting with a letter or underscore",
                    SourceLocation.of(PROJECT_FILE));
        }
        List<String> modelPaths = paths(yaml, List.of("models"), "model-paths", "source-paths");
        List<String> seedPaths = paths(yaml, List.of("seeds"), "seed-paths", "data-paths");
        List<String> testPaths = paths(yaml, List.of("tests"), "test-paths");
        List<String> analysisPaths = paths(yaml, List.of("analyses"), "analysis-paths");
        List<String> macroPaths = paths(yaml, List.of("macros"), "macro-paths");
        List<String> snapshotPaths = paths(yaml, List.of("snapshots"), "snapshot-paths");
        List<String> allPaths = new ArrayList<>();
        for (List<String> group : List.of(modelPaths, seedPaths, testPaths, analysisPaths, macroPaths, snapshotPaths)) {
            allPaths.addAll(group);
        }
        List<String> docsPaths = paths(yaml, allPaths, "docs-paths");
        String targetPath = string(yaml, "target-path", "target");
        Map<String, Object> tests = map(yaml, "data_tests");
        if (tests.isEmpty()) {
            tests = map(yaml, "tests");
        }
        return new ProjectConfig(root, name, string(yaml, "version", "1.0"), string(yaml, "profile", name),
                modelPaths, seedPaths, testPaths, analysisPaths, macroPaths, snapshotPaths, docsPaths, targetPath,
                string(yaml, "log-path", "logs"), string(yaml, "packages-install-path", "dbt_packages"),
                paths(yaml, List.of(targetPath), "clean-targets"), map(yaml, "vars"), map(yaml, "models"),
                map(yaml, "seeds"), tests, map(yaml, "snapshots"), map(yaml, "sources"), map(yaml, "analyses"),
                map(yaml, "exposures"), hooks(yaml.get("on-run-start")), hooks(yaml.get("on-run-end")),
                map(yaml, "quoting"), dispatch(yaml.get("dispatch")), map(yaml, "flags"));
    }

    private static String requireString(Map<String, Object> yaml, String key) {
        Object value = yaml.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            throw new SluiceException(ErrorCode.CONFIG_INVALID, "dbt_project.yml must set '" + key + "'",
                    SourceLocation.of(PROJECT_FILE));
        }
        return String.valueOf(value);
    }

    private static String string(Map<String, Object> yaml, String key, String fallback) {
        Object value = yaml.get(key);
        return value == null ? fallback : String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> yaml, String key) {
        Object value = yaml.get(key);
        if (value == null) {
            return new LinkedHashMap<>();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new SluiceException(ErrorCode.CONFIG_INVALID, "'" + key + "' in dbt_project.yml must be a mapping",
                    SourceLocation.of(PROJECT_FILE));
        }
        return (Map<String, Object>) value;
    }

    private static List<String> paths(Map<String, Object> yaml, List<String> fallback, String... keys) {
        for (String key : keys) {
            Object value = yaml.get(key);
            if (value instanceof List<?> list) {
                return list.stream().map(String::valueOf).toList();
            }
            if (value instanceof String text) {
                return List.of(text);
            }
        }
        return fallback;
    }

    static List<String> hooks(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ProjectLoader::hookSql).toList();
        }
        return List.of(hookSql(value));
    }

    private static String hookSql(Object hook) {
        if (hook instanceof Map<?, ?> map && map.containsKey("sql")) {
            return String.valueOf(map.get("sql"));
        }
        return String.valueOf(hook);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> dispatch(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object item : list) {
            if (item instanceof Map<?, ?> map) {
                out.add((Map<String, Object>) map);
            }
        }
        return out;
    }
}
