package dev.sluice.core.api;

import dev.sluice.core.compile.CompileAll;
import dev.sluice.core.compile.Compiler;
import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.events.EventSink;
import dev.sluice.core.execute.RunResults;
import dev.sluice.core.graph.Dag;
import dev.sluice.core.jinja.JinjaEngine;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.ResourceType;
import dev.sluice.core.project.EnvVars;
import dev.sluice.spi.AdapterFactory;
import dev.sluice.spi.QueryResult;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** The engine behind {@link Sluice}: each call opens a {@link Session}, does its command, and closes it. */
final class Engine implements SluiceApi {
    private final EventSink events;
    private final EnvVars env;
    private final AdapterRegistry adapters;
    private final JinjaEngine jinja = new JinjaEngine();

    Engine(EventSink events, EnvVars env, Supplier<List<AdapterFactory>> adapters) {
        this.events = events;
        this.env = env;
        this.adapters = new AdapterRegistry(adapters.get());
    }

    /** A session for a command that works from the files alone (it may still connect, for introspective macros). */
    private Session open(InvocationOptions options) {
        return Session.open(options, env, events, adapters, jinja, Session.Needs.MANIFEST);
    }

    /** A session for a command that will use the warehouse: the adapter prepares while the project parses. */
    private Session openConnecting(InvocationOptions options) {
        return Session.open(options, env, events, adapters, jinja, Session.Needs.CONNECTS);
    }

    /** A session for a command that runs nodes: its warehouse connection opens while the project parses. */
    private Session openToRun(InvocationOptions options) {
        return Session.open(options, env, events, adapters, jinja, Session.Needs.RUNS_NODES);
    }

    @Override
    public int parse(InvocationOptions options) {
        try (Session session = Session.open(options, env, events, adapters, jinja, Session.Needs.PARSE_ONLY)) {
            long clock = System.nanoTime();
            new ArtifactWriter(session).manifest();
            events.accept(dev.sluice.core.events.Event.Message.debug("Wrote manifest.json in "
                    + (System.nanoTime() - clock) / 1_000_000 + " ms"));
            events.accept(dev.sluice.core.events.Event.Message.info(ProjectSummary.of(session.parsed.counts())));
            return session.parsed.counts().totalNodes();
        }
    }

    @Override
    public RunResults run(InvocationOptions options) {
        return execute(options, "run", EnumSet.of(ResourceType.MODEL));
    }

    @Override
    public RunResults seed(InvocationOptions options) {
        return execute(options, "seed", EnumSet.of(ResourceType.SEED));
    }

    @Override
    public RunResults test(InvocationOptions options) {
        return execute(options, "test", EnumSet.of(ResourceType.TEST, ResourceType.UNIT_TEST));
    }

    @Override
    public RunResults build(InvocationOptions options) {
        return execute(options, "build", EnumSet.of(ResourceType.MODEL, ResourceType.SEED, ResourceType.TEST,
                ResourceType.SNAPSHOT, ResourceType.UNIT_TEST));
    }

    @Override
    public RunResults snapshot(InvocationOptions options) {
        return execute(options, "snapshot", EnumSet.of(ResourceType.SNAPSHOT));
    }

    @Override
    public RunResults freshness(InvocationOptions options, java.nio.file.Path output) {
        try (Session session = openConnecting(options)) {
            return new FreshnessCommand(session).execute(output);
        }
    }

    @Override
    public RunResults retry(InvocationOptions options) {
        return new Retry(this::openConnecting, events).run(options);
    }

    @Override
    public RunResults clone(InvocationOptions options) {
        try (Session session = openConnecting(options)) {
            return new CloneCommand(session).execute();
        }
    }

    private RunResults execute(InvocationOptions options, String command, Set<ResourceType> types) {
        try (Session session = openToRun(options)) {
            return new ExecuteCommand(session).execute(command, types);
        }
    }

    @Override
    public Map<String, String> compile(InvocationOptions options) {
        try (Session session = open(options)) {
            Dag dag = Dag.of(session.parsed.manifest());
            List<Node> nodes = Selection.nodes(session, dag, EnumSet.of(ResourceType.MODEL, ResourceType.TEST,
                    ResourceType.ANALYSIS, ResourceType.SNAPSHOT));
            Compiler compiler = session.compiler(new java.util.HashSet<>(nodes.stream().map(n -> n.uniqueId).toList()));
            ArtifactWriter artifacts = new ArtifactWriter(session);
            Map<String, String> out = new LinkedHashMap<>();
            CompileAll.inOrder(compiler, nodes, Math.max(1, session.target.threads()), compiled -> {
                artifacts.compiled(compiled);
                out.put(compiled.node().uniqueId, compiled.compiledCode());
            });
            artifacts.manifest();
            return out;
        }
    }

    @Override
    public String compileInline(InvocationOptions options, String sql) {
        try (Session session = open(options)) {
            return session.compiler().renderInContext(sql, null, "inline query", Map.of());
        }
    }

    @Override
    public List<String> list(InvocationOptions options, ListOutput output, List<String> outputKeys) {
        try (Session session = open(options)) {
            Dag dag = Dag.of(session.parsed.manifest());
            Set<String> ids = Selection.ids(session, dag, EnumSet.noneOf(ResourceType.class));
            return Listing.lines(session.parsed.manifest(), ids, output, outputKeys);
        }
    }

    @Override
    public ShowResult show(InvocationOptions options, String inlineSql, int limit) {
        try (Session session = openConnecting(options)) {
            String name;
            String sql;
            if (inlineSql != null) {
                name = "inline";
                sql = session.compiler().renderInContext(inlineSql, null, "inline query", Map.of());
            } else {
                Dag dag = Dag.of(session.parsed.manifest());
                List<Node> nodes = Selection.nodes(session, dag, EnumSet.of(ResourceType.MODEL, ResourceType.SEED,
                        ResourceType.SNAPSHOT, ResourceType.TEST, ResourceType.ANALYSIS));
                if (nodes.isEmpty()) {
                    throw new SluiceException(ErrorCode.SELECTOR_INVALID, "show: the selection matches no node");
                }
                // tests come along with their model through indirect selection; show previews the model itself
                Node node = nodes.stream().filter(n -> n.resourceType != ResourceType.TEST).findFirst()
                        .orElse(nodes.get(0));
                name = node.name;
                sql = node.resourceType == ResourceType.SEED
                        ? "select * from " + session.factory.dialect().render(
                                dev.sluice.core.compile.Relations.of(node))
                        : session.compiler().compile(node).compiledCode();
            }
            String limited = limit < 0 ? sql : "select * from (\n" + sql.strip() + "\n) as dbt_show_subquery limit " + limit;
            QueryResult preview = session.adapter().query(limited);
            return new ShowResult(name, sql, preview);
        }
    }

    @Override
    public String runOperation(InvocationOptions options, String macro, Map<String, Object> args) {
        try (Session session = openConnecting(options)) {
            return new RunOperation(session).call(macro, args);
        }
    }

    @Override
    public List<String> deps(InvocationOptions options, boolean upgrade) {
        return Deps.run(options, env, events, jinja, upgrade);
    }

    @Override
    public List<String> clean(InvocationOptions options) {
        return Clean.run(options, env, events, jinja);
    }

    @Override
    public DebugReport debug(InvocationOptions options) {
        return Debug.run(options, env, events, adapters, jinja);
    }

    @Override
    public DocsResult docsGenerate(InvocationOptions options, DocsOptions docs) {
        try (Session session = openConnecting(options)) {
            return new DocsGenerate(session, env).execute(docs);
        }
    }

    @Override
    public dev.sluice.core.docs.DocsServer docsServe(InvocationOptions options, String host, int port) {
        try (Session session = openConnecting(options)) {
            return DocsServe.start(session, host, port);
        }
    }
}
