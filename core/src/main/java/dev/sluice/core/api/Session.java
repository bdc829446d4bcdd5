package dev.sluice.core.api;

import dev.sluice.core.compile.Compiler;
import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.events.Event;
import dev.sluice.core.events.EventSink;
import dev.sluice.core.graph.method.SelectionMethods;
import dev.sluice.core.graph.method.SourceStatusMethod;
import dev.sluice.core.jinja.JinjaEngine;
import dev.sluice.core.jinja.NodeContext;
import dev.sluice.core.manifest.cache.EnvReads;
import dev.sluice.core.manifest.cache.ParseCache;
import dev.sluice.core.manifest.cache.ParseInputs;
import dev.sluice.core.manifest.parse.ManifestParser;
import dev.sluice.core.manifest.parse.ParseTarget;
import dev.sluice.core.manifest.parse.ParsedProject;
import dev.sluice.core.project.EnvVars;
import dev.sluice.core.project.ProfileLoader;
import dev.sluice.core.project.ProfileRequest;
import dev.sluice.core.project.ProjectConfig;
import dev.sluice.core.project.ProjectLoader;
import dev.sluice.core.state.PreviousState;
import dev.sluice.core.state.StateDeferResolver;
import dev.sluice.core.state.StateSelection;
import dev.sluice.core.unittest.UnitTestCompiler;
import dev.sluice.core.unittest.UnitTestRunner;
import dev.sluice.spi.Adapter;
import dev.sluice.spi.AdapterContext;
import dev.sluice.spi.AdapterException;
import dev.sluice.spi.AdapterFactory;
import dev.sluice.spi.TargetConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One invocation's loaded state: the project, the target, the parsed manifest, and the warehouse connection, opened
 * when a command first needs it (or, for commands that run nodes, while the project parses) and closed with the
 * session.
 */
final class Session implements AutoCloseable {
    final InvocationOptions options;
    final ProjectConfig project;
    final TargetConfig target;
    final AdapterFactory factory;
    final ParsedProject parsed;
    final UUID invocationId = UUID.randomUUID();
    final Instant startedAt = Instant.now();
    final Path targetDir;
    private final EventSink events;
    private final JinjaEngine jinja;
    private final EnvVars env;
    private final Warehouse warehouse;
    /** The parse cache this session's parse used (null without one): it may still be storing the parse. */
    private final ParseCache parseCache;
    private PreviousState state;
    private PreviousState deferState;

    private Session(InvocationOptions options, ProjectConfig project, TargetConfig target, AdapterFactory factory,
                    ParsedProject parsed, EventSink events, JinjaEngine jinja, EnvVars env, Warehouse warehouse,
                    ParseCache parseCache) {
        this.options = options;
        this.project = project;
        this.target = target;
        this.factory = factory;
        this.parsed = parsed;
        this.events = events;
        this.jinja = jinja;
        this.env = env;
        this.warehouse = warehouse;
        this.parseCache = parseCache;
        this.targetDir = options.targetPath() != null ? project.root().resolve(options.targetPath())
                : project.root().resolve(project.targetPath());
    }

    /**
     * Loads the project and profile and parses the manifest, getting ready meanwhile what the command {@code needs}
     * (see {@link Needs}).
     */
    static Session open(InvocationOptions options, EnvVars env, EventSink events, AdapterRegistry adapters,
                        JinjaEngine jinja, Needs needs) {
        Path projectDir = (options.projectDir() == null ? Path.of("") : options.projectDir()).toAbsolutePath().normalize();
        EnvReads envReads = new EnvReads(env);
        env = envReads.env();
        java.util.function.Consumer<String> logger = text -> events.accept(Event.Message.info(text));
        ProjectConfig project = new ProjectLoader(jinja, env, logger).load(projectDir, options.vars());
        ProfileRequest request = new ProfileRequest(options.profilesDir(), options.profile(), options.target(),
                options.threads());
        TargetConfig raw = new ProfileLoader(jinja, env, logger).load(request, projectDir, project.profile(), options.vars());
        AdapterFactory factory = adapters.get(raw.type());
        if (needs == Needs.CONNECTS || needs == Needs.RUNS_NODES) {
            factory.prepare();
        }
        TargetConfig target = factory.normalize(raw);
        Map<String, Object> targetContext = TargetContext.of(target);
        ParseTarget parseTarget = new ParseTarget(target.type(), factory.dialect(), target.database(), target.schema(),
                targetContext, factory.macros());
        Instant started = Instant.now();
        UUID id = UUID.randomUUID();
        ManifestParser.CacheUse cacheUse = null;
        if (options.partialParse()) {
            Path targetDir = options.targetPath() != null ? project.root().resolve(options.targetPath())
                    : project.root().resolve(project.targetPath());
            String inputs = new ParseInputs()
                    .with("project_root", project.root().toAbsolutePath().normalize())
                    .with("adapter", target.type())
                    .with("target", targetContext)
                    .with("database", target.database())
                    .with("schema", target.schema())
                    .with("adapter_macros", factory.macros())
                    .with("vars", options.vars())
                    .digest();
            cacheUse = new ManifestParser.CacheUse(ParseCache.in(targetDir,
                    text -> events.accept(Event.Message.debug(text))), envReads, inputs, needs != Needs.PARSE_ONLY);
        }
        Warehouse warehouse = new Warehouse(() -> connect(factory, target, project.root(), events));
        if (needs == Needs.RUNS_NODES) {
            warehouse.openAhead();
        }
        ParsedProject parsed;
        try {
            parsed = new ManifestParser(jinja, env, events).macrosAhead(needs == Needs.RUNS_NODES).parse(project,
                    parseTarget, options.vars(), id.toString(),
                    DateTimeFormatter.ISO_INSTANT.format(started.atOffset(ZoneOffset.UTC)), cacheUse);
        } catch (RuntimeException | Error e) {
            warehouse.close();
            throw e;
        }
        return new Session(options, project, target, factory, parsed, events, jinja, env, warehouse,
                cacheUse == null ? null : cacheUse.cache());
    }

    private static Adapter connect(AdapterFactory factory, TargetConfig target, Path root, EventSink events) {
        try {
            return factory.create(target, new AdapterContext(root, Math.max(1, target.threads()),
                    text -> events.accept(Event.Message.warn(text))));
        } catch (AdapterException e) {
            throw new SluiceException(ErrorCode.WAREHOUSE_UNAVAILABLE, "Could not connect to target '"
                    + target.targetName() + "' (" + target.type() + "): " + e.getMessage());
        }
    }

    /**
     * What a command will need from its session, so the session gets each ready while the project parses: a cached
     * manifest decoded ahead, the adapter prepared, the connection opened, the macros parsed.
     */
    enum Needs {
        /** {@code parse}: the counts and manifest.json only (a cached manifest is decoded only if asked for). */
        PARSE_ONLY,
        /** The manifest; works from the files (it may still connect, for introspective macros). */
        MANIFEST,
        /** The manifest and a connection. */
        CONNECTS,
        /** Runs nodes: the manifest, a connection at once, and the macros. */
        RUNS_NODES
    }

    Adapter adapter() {
        return warehouse.get();
    }

    /** The command has run its last statement: close the connection while it writes its artifacts. */
    void releaseWarehouse() {
        warehouse.closeInBackground();
    }

    NodeContext.Invocation invocation() {
        Map<String, Object> flags = new LinkedHashMap<>();
        flags.put("FULL_REFRESH", options.fullRefresh());
        flags.put("FAIL_FAST", options.failFast());
        flags.put("WHICH", "run");
        return new NodeContext.Invocation(parsed.macros(), target.type(), factory.dialect(), TargetContext.of(target),
                env, text -> events.accept(Event.Message.info(text)), invocationId.toString(),
                DateTimeFormatter.ISO_INSTANT.format(startedAt.atOffset(ZoneOffset.UTC)), flags, project.name());
    }

    Compiler compiler() {
        return new Compiler(parsed, jinja, invocation(), this::adapter, options.fullRefresh());
    }

    UnitTestRunner unitTests() {
        return new UnitTestRunner(new UnitTestCompiler(parsed, jinja, invocation(), this::adapter), this::adapter);
    }

    /** A compiler for a selection: with {@code --defer}, refs to nodes outside {@code selected} may defer. */
    Compiler compiler(Set<String> selected) {
        if (!options.defer()) {
            return compiler();
        }
        PreviousState deferTo = deferState();
        if (deferTo == null) {
            throw new SluiceException(ErrorCode.CONFIG_INVALID,
                    "Received a --defer argument, but no value was provided to --state");
        }
        return new Compiler(parsed, jinja, invocation(), this::adapter, options.fullRefresh(),
                new StateDeferResolver(deferTo.manifest(), selected, options.favorState(),
                        this::adapter));
    }

    /** The {@code --state} folder, or null when none was given. */
    synchronized PreviousState state() {
        if (state == null && options.statePath() != null) {
            state = new PreviousState(project.root().resolve(options.statePath()).normalize());
        }
        return state;
    }

    /** The folder {@code --defer} reads: {@code --defer-state} if given, else {@code --state}. */
    synchronized PreviousState deferState() {
        if (options.deferState() == null) {
            return state();
        }
        if (deferState == null) {
            deferState = new PreviousState(
                    project.root().resolve(options.deferState()).normalize());
        }
        return deferState;
    }

    /** The selector methods, with {@code state:} and {@code result:} bound when {@code --state} is given. */
    SelectionMethods selectionMethods() {
        SelectionMethods standard = SelectionMethods.standard();
        PreviousState previous = state();
        return previous == null ? standard
                : StateSelection.methods(standard, previous, parsed.manifest(), target.type())
                        .with("source_status", new SourceStatusMethod(previous.dir().resolve("sources.json"),
                                targetDir.resolve("sources.json")));
    }

    EnvVars env() {
        return env;
    }

    EventSink events() {
        return events;
    }

    @Override
    public void close() {
        try {
            warehouse.close();
        } finally {
            if (parseCache != null) {
                parseCache.awaitStored();
            }
        }
    }
}
