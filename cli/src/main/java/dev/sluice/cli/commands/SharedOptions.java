package dev.sluice.cli.commands;

import dev.sluice.cli.CliContext;
import dev.sluice.cli.YamlArgs;
import dev.sluice.cli.output.ConsoleSettings;
import dev.sluice.cli.output.LogFormat;
import dev.sluice.core.api.InvocationOptions;
import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The flags every command accepts, spelled as dbt spells them. They are inherited by every subcommand, so they may
 * come after the command ({@code sluice run --debug}, as in dbt) or before it ({@code sluice --debug run}).
 * Environment variables DBT_PROJECT_DIR, DBT_PROFILES_DIR, DBT_TARGET_PATH, DBT_LOG_PATH, DBT_PROFILE, DBT_TARGET and
 * DBT_LOG_FORMAT stand in for flags that are not given.
 */
public final class SharedOptions {

    @Option(names = "--project-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Directory holding dbt_project.yml (default: the current directory).")
    String projectDir;

    @Option(names = "--profiles-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Directory holding profiles.yml (default: the project directory, then ~/.dbt).")
    String profilesDir;

    @Option(names = "--profile", scope = ScopeType.INHERIT, description = "Profile to use instead of the project's.")
    String profile;

    @Option(names = {"-t", "--target"}, scope = ScopeType.INHERIT, description = "Target of the profile to use.")
    String target;

    @Option(names = "--vars", scope = ScopeType.INHERIT, paramLabel = "YAML",
            description = "Project variables as a YAML or JSON mapping, e.g. '{my_var: 1}'.")
    String vars;

    @Option(names = "--threads", scope = ScopeType.INHERIT, description = "Number of worker threads.")
    Integer threads;

    @Option(names = {"-s", "--select", "-m", "--models", "--model"}, arity = "1..*", scope = ScopeType.INHERIT,
            paramLabel = "SELECTOR", description = "Nodes to include (dbt selection syntax).")
    List<String> select = new ArrayList<>();

    @Option(names = "--exclude", arity = "1..*", scope = ScopeType.INHERIT, paramLabel = "SELECTOR",
            description = "Nodes to exclude.")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--selector", scope = ScopeType.INHERIT, description = "A named selector from selectors.yml.")
    String selector;

    @Option(names = {"--resource-type", "--resource-types"}, scope = ScopeType.INHERIT, paramLabel = "TYPE",
            description = "Only nodes of this type (repeatable): model, seed, test, snapshot, ...")
    List<String> resourceTypes = new ArrayList<>();

    @Option(names = {"--exclude-resource-type", "--exclude-resource-types"}, scope = ScopeType.INHERIT,
            paramLabel = "TYPE", description = "Leave out nodes of this type (repeatable).")
    List<String> excludeResourceTypes = new ArrayList<>();

    @Option(names = {"-x", "--fail-fast"}, scope = ScopeType.INHERIT, description = "Stop at the first failure.")
    boolean failFast;

    @Option(names = "--no-fail-fast", scope = ScopeType.INHERIT, hidden = true)
    boolean noFailFast;

    @Option(names = "--partial-parse", scope = ScopeType.INHERIT, negatable = true, defaultValue = "true",
            fallbackValue = "true",
            description = "Reuse the last parse (target/partial_parse.sluice) for files that did not change "
                    + "(default: on; DBT_PARTIAL_PARSE=false turns it off).")
    boolean partialParse = true;

    @Option(names = {"-f", "--full-refresh"}, scope = ScopeType.INHERIT,
            description = "Rebuild incremental models and seeds from scratch.")
    boolean fullRefresh;

    @Option(names = "--no-full-refresh", scope = ScopeType.INHERIT, hidden = true)
    boolean noFullRefresh;

    @Option(names = "--state", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Artifacts of an earlier run (manifest.json, run_results.json) for state: and result:.")
    String state;

    @Option(names = "--defer", scope = ScopeType.INHERIT, negatable = true,
            description = "Read unselected parents that are not built here from the --state run's relations.")
    boolean defer;

    @Option(names = "--favor-state", scope = ScopeType.INHERIT, negatable = true,
            description = "With --defer, prefer the --state relations even where a relation exists here.")
    boolean favorState;

    @Option(names = "--defer-state", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Artifacts to defer to, when they differ from --state.")
    String deferState;

    @Option(names = "--indirect-selection", scope = ScopeType.INHERIT, paramLabel = "MODE",
            description = "eager (default), cautious, buildable or empty.")
    IndirectSelection indirectSelection;

    @Option(names = "--target-path", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Where artifacts are written (default: target).")
    String targetPath;

    @Option(names = "--log-path", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Where dbt.log is written (default: logs, in the project).")
    String logPath;

    @Option(names = "--log-format", scope = ScopeType.INHERIT, paramLabel = "FORMAT",
            description = "text (default), json or debug.")
    LogFormat logFormat;

    @Option(names = "--use-colors", negatable = true, scope = ScopeType.INHERIT,
            description = "Colour the output (only ever on a terminal).")
    Boolean useColors;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "Show only errors and the command's own output (ls, show, compile).")
    boolean quiet;

    @Option(names = {"-d", "--debug"}, scope = ScopeType.INHERIT,
            description = "Show debug lines and stack traces.")
    boolean debug;

    @Option(names = "--printer-width", scope = ScopeType.INHERIT, hidden = true)
    Integer printerWidth;

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "Show this help.")
    boolean help;

    /** The project directory, absolute: --project-dir, DBT_PROJECT_DIR, or where the user called from. */
    public Path projectDir(CliContext ctx) {
        String dir = firstNonBlank(projectDir, ctx.env().get("DBT_PROJECT_DIR"));
        return dir == null ? ctx.cwd() : ctx.cwd().resolve(dir).normalize();
    }

    /**
     * Where dbt.log goes: --log-path (relative to the project) or the project's logs/. Null when there is neither an
     * explicit log path nor a project, so running outside a project never litters the current directory.
     */
    public Path logFile(CliContext ctx) {
        Path project = projectDir(ctx);
        String dir = firstNonBlank(logPath, ctx.env().get("DBT_LOG_PATH"));
        if (dir == null && !Files.isRegularFile(project.resolve("dbt_project.yml"))) {
            return null;
        }
        return project.resolve(dir == null ? "logs" : dir).resolve("dbt.log");
    }

    public ConsoleSettings console(CliContext ctx, boolean commandOutputOnly) {
        LogFormat format = logFormat;
        if (format == null && ctx.env().get("DBT_LOG_FORMAT") != null) {
            format = LogFormat.parse(ctx.env().get("DBT_LOG_FORMAT"));
        }
        if (format == null || format == LogFormat.DEFAULT) {
            format = LogFormat.TEXT;
        }
        boolean terminal = ctx.terminal().interactive() && format != LogFormat.JSON;
        boolean colors = terminal && !Boolean.FALSE.equals(useColors);
        boolean progress = terminal && !quiet && !debug && !commandOutputOnly;
        int width = printerWidth == null || printerWidth < 20 ? 80 : printerWidth;
        return new ConsoleSettings(format, quiet || commandOutputOnly, debug, colors, progress, width);
    }

    /** The request every engine call takes. Throws a SluiceException for a --vars that is not a YAML mapping. */
    public InvocationOptions toOptions(CliContext ctx) {
        Map<String, Object> parsedVars = YamlArgs.parseMapping("--vars", vars);
        if (threads != null && threads < 1) {
            throw new SluiceException(ErrorCode.CONFIG_INVALID, "--threads must be at least 1, got " + threads);
        }
        return InvocationOptions.builder(projectDir(ctx))
                .profilesDir(fromCwd(ctx, firstNonBlank(profilesDir, ctx.env().get("DBT_PROFILES_DIR"))))
                .profile(firstNonBlank(profile, ctx.env().get("DBT_PROFILE")))
                .target(firstNonBlank(target, ctx.env().get("DBT_TARGET")))
                .vars(parsedVars)
                .threads(threads)
                .select(List.copyOf(select))
                .exclude(List.copyOf(exclude))
                .selector(selector)
                .resourceTypes(List.copyOf(resourceTypes))
                .excludeResourceTypes(List.copyOf(excludeResourceTypes))
                .failFast(failFast && !noFailFast)
                .fullRefresh(fullRefresh && !noFullRefresh)
                .indirectSelection(indirectSelection == null ? null : indirectSelection.dbtName())
                .targetPath(path(firstNonBlank(targetPath, ctx.env().get("DBT_TARGET_PATH"))))
                .logPath(path(firstNonBlank(logPath, ctx.env().get("DBT_LOG_PATH"))))
                .statePath(fromCwd(ctx, firstNonBlank(state, ctx.env().get("DBT_STATE"))))
                .defer(defer || "true".equalsIgnoreCase(ctx.env().get("DBT_DEFER")))
                .favorState(favorState)
                .deferState(fromCwd(ctx, firstNonBlank(deferState, ctx.env().get("DBT_DEFER_STATE"))))
                .partialParse(partialParse && !"false".equalsIgnoreCase(ctx.env().get("DBT_PARTIAL_PARSE")))
                .build();
    }

    public boolean debug() {
        return debug;
    }

    /** Target and log paths are passed as written: the engine resolves relative ones against the project. */
    private static Path path(String value) {
        return value == null ? null : Path.of(value);
    }

    /** A profiles dir the user typed is relative to where they typed it. */
    private static Path fromCwd(CliContext ctx, String value) {
        return value == null ? null : ctx.cwd().resolve(value).normalize();
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }
}
