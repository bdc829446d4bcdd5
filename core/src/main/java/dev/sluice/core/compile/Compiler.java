package dev.sluice.core.compile;

import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.errors.SourceLocation;
import dev.sluice.core.jinja.ContextFunctions;
import dev.sluice.core.jinja.JinjaEngine;
import dev.sluice.core.jinja.LazyDict;
import dev.sluice.core.jinja.NodeContext;
import dev.sluice.core.jinja.RelationProxy;
import dev.sluice.core.jinja.RenderSession;
import dev.sluice.core.manifest.Manifest;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.ResourceType;
import dev.sluice.core.manifest.parse.NodeDicts;
import dev.sluice.core.manifest.parse.ParsedProject;
import dev.sluice.core.manifest.parse.TestArgumentRefs;
import dev.sluice.spi.Adapter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The compile stage: renders a node with the runtime context (refs resolve to relations, {@code execute} is true),
 * renders generic tests through their test macro, and injects ephemeral models as CTEs. Thread-safe; ephemeral
 * models compile once per invocation.
 */
public final class Compiler {
    private final ParsedProject parsed;
    private final JinjaEngine jinja;
    private final NodeContext.Invocation invocation;
    private final NodeContext.Shared shared;
    private final BuiltInTests builtInTests;
    private final Supplier<Adapter> adapter;
    private final boolean fullRefresh;
    private final DeferResolver defer;
    private final Map<String, CompiledNode> ephemeralCache = new ConcurrentHashMap<>();
    /** Each ephemeral model's own SQL before injection, hoisted as a CTE into the queries that use it. */
    private final Map<String, String> ephemeralBodies = new ConcurrentHashMap<>();

    public Compiler(ParsedProject parsed, JinjaEngine jinja, NodeContext.Invocation invocation, Supplier<Adapter> adapter,
                    boolean fullRefresh) {
        this(parsed, jinja, invocation, adapter, fullRefresh, DeferResolver.NONE);
    }

    /** As above, resolving refs to unselected nodes through {@code defer} ({@code --defer}). */
    public Compiler(ParsedProject parsed, JinjaEngine jinja, NodeContext.Invocation invocation, Supplier<Adapter> adapter,
                    boolean fullRefresh, DeferResolver defer) {
        this.parsed = parsed;
        this.jinja = jinja;
        this.invocation = invocation;
        this.shared = NodeContext.shared(invocation);
        this.builtInTests = new BuiltInTests(parsed.macros(), invocation.adapterType(),
                parsed.dispatchOrder().forNamespace(dev.sluice.core.jinja.MacroLibrary.INTERNAL_PACKAGE));
        this.adapter = adapter;
        this.fullRefresh = fullRefresh;
        this.defer = defer;
    }

    public Manifest manifest() {
        return parsed.manifest();
    }

    public CompiledNode compile(Node node) {
        if (node.resourceType == ResourceType.SEED) {
            return new CompiledNode(node, null, Relations.of(node), List.of());
        }
        if (node.isEphemeral()) {
            return ephemeral(node);
        }
        return compileFresh(node);
    }

    private CompiledNode ephemeral(Node node) {
        CompiledNode cached = ephemeralCache.get(node.uniqueId);
        if (cached == null) {
            cached = compileFresh(node);
            ephemeralCache.putIfAbsent(node.uniqueId, cached);
        }
        return cached;
    }

    private CompiledNode compileFresh(Node node) {
        if ("python".equals(node.language)) {
            return compilePython(node);
        }
        RuntimeHost host = host(node);
        String sql;
        try {
            sql = node.testMetadata != null ? renderGenericTest(node, host) : render(node.rawCode, node, host);
        } catch (SluiceException e) {
            throw e.at(node.describe(), SourceLocation.of(node.originalFilePath, node.line));
        }
        if (node.isEphemeral()) {
            ephemeralBodies.putIfAbsent(node.uniqueId, sql);
        }
        List<CompiledNode.InjectedCte> ctes = new ArrayList<>();
        collectCtes(host, ctes);
        String code = CteInjector.inject(sql, ctes);
        return new CompiledNode(node, code, Relations.builds(node) || node.isEphemeral() ? Relations.of(node) : null, ctes);
    }

    /**
     * A Python model compiles to its own code followed by a comment naming the relation each of its
     * {@code dbt.ref}/{@code dbt.source} calls reads (see {@link #pythonInputs}).
     */
    private CompiledNode compilePython(Node node) {
        StringBuilder code = new StringBuilder(node.rawCode.stripTrailing()).append("\n\n\n");
        code.append("# This part is added by Sluice: the relations this model reads and the relation it builds.\n");
        pythonInputs(node).forEach((key, relation) -> code.append("# ").append(key).append(" -> ")
                .append(invocation.dialect().render(relation)).append('\n'));
        code.append("# this -> ").append(invocation.dialect().render(Relations.of(node))).append('\n');
        return new CompiledNode(node, code.toString(), Relations.of(node), List.of());
    }

    /**
     * The relations a Python model's {@code dbt.ref}/{@code dbt.source} calls name, keyed as the runner asks for them
     * ({@code ref:name}, {@code ref:package.name}, {@code source:source_name.table_name}).
     */
    public Map<String, dev.sluice.spi.Relation> pythonInputs(Node node) {
        RuntimeHost host = host(node);
        Map<String, dev.sluice.spi.Relation> inputs = new java.util.LinkedHashMap<>();
        try {
            for (List<String> ref : node.refs) {
                RelationProxy relation = host.ref(ref.size() > 1 ? ref.get(0) : null, ref.get(ref.size() - 1), null);
                if (!host.ephemeralsUsed().isEmpty()) {
                    throw ContextFunctions.fail(dev.sluice.core.errors.ErrorCode.COMPILATION, "Python model "
                            + node.name + " refers to ephemeral model '" + ref.get(ref.size() - 1)
                            + "'; a Python model can only read relations that exist in the warehouse");
                }
                inputs.put("ref:" + String.join(".", ref), relation.relation());
            }
            for (List<String> source : node.sources) {
                inputs.put("source:" + String.join(".", source), host.source(source.get(0), source.get(1)).relation());
            }
        } catch (SluiceException e) {
            throw e.at(node.describe(), SourceLocation.of(node.originalFilePath, node.line));
        }
        return inputs;
    }

    /** Ephemeral parents first, each once, in dependency order. */
    private void collectCtes(RuntimeHost host, List<CompiledNode.InjectedCte> out) {
        for (String id : host.ephemeralsUsed()) {
            Node ephemeral = parsed.manifest().nodes.get(id);
            CompiledNode compiled = ephemeral(ephemeral);
            for (CompiledNode.InjectedCte nested : compiled.extraCtes()) {
                if (out.stream().noneMatch(c -> c.id().equals(nested.id()))) {
                    out.add(nested);
                }
            }
            if (out.stream().noneMatch(c -> c.id().equals(id))) {
                String body = ephemeralBodies.get(id);
                out.add(new CompiledNode.InjectedCte(id, Relations.of(ephemeral).identifier(), body));
            }
        }
    }

    /** Renders arbitrary text (hooks, operations) in a node's context, or the project's when node is null. */
    public String renderInContext(String template, Node node, String file, Map<String, Object> extra) {
        RuntimeHost host = host(node);
        Map<String, Object> context = context(node, host);
        context.putAll(extra);
        return jinja.render(template, context, parsed.macros(), node == null ? parsed.manifest().projectName
                : node.packageName, file, new RenderSession());
    }

    private RuntimeHost host(Node node) {
        return new RuntimeHost(parsed.manifest(), node, invocation.dialect(), adapter, parsed.dispatchOrder(), fullRefresh, defer);
    }

    private String render(String template, Node node, RuntimeHost host) {
        return jinja.render(template, context(node, host), parsed.macros(), node.packageName, node.originalFilePath,
                new RenderSession());
    }

    private Map<String, Object> context(Node node, RuntimeHost host) {
        String pkg = node == null ? parsed.manifest().projectName : node.packageName;
        Map<String, Object> model = node == null ? Map.of() : new LazyDict(() -> NodeDicts.of(node));
        return NodeContext.build(shared, host, parsed.vars().forPackage(pkg), model,
                node == null ? null : node.describe());
    }

    /**
     * Calls the test macro with the node's kwargs; {@code model} is the tested relation, filtered by {@code where}.
     * dbt's own not_null and unique tests take the {@link BuiltInTests} shortcut when nothing overrides them.
     */
    private String renderGenericTest(Node node, RuntimeHost host) {
        Object model = testedModel(node, host);
        String shortcut = builtInTests.sql(node, model,
                (test, markerModel, markerColumn) -> renderTestCall(test, host(test), markerModel,
                        Map.of("column_name", markerColumn)));
        return shortcut != null ? shortcut : renderTestCall(node, host, model, node.testMetadata.kwargs());
    }

    private String renderTestCall(Node node, RuntimeHost host, Object model, Map<String, Object> kwargs) {
        Map<String, Object> context = context(node, host);
        StringBuilder call = new StringBuilder("{{ ");
        if (node.testMetadata.namespace() != null) {
            call.append(node.testMetadata.namespace()).append('.');
        }
        call.append("test_").append(node.testMetadata.name()).append("(");
        List<String> arguments = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, Object> kwarg : kwargs.entrySet()) {
            String key = kwarg.getKey();
            if (key.equals("model")) {
                continue;
            }
            Object value = kwarg.getValue();
            if (value instanceof String text && TestArgumentRefs.isRelationExpression(text)) {
                arguments.add(key + "=" + text.strip());
            } else {
                String variable = "__sluice_kw" + index++;
                context.put(variable, value);
                arguments.add(key + "=" + variable);
            }
        }
        context.put("__sluice_model", model);
        arguments.add(0, "model=__sluice_model");
        call.append(String.join(", ", arguments)).append(") }}");
        return jinja.render(call.toString(), context, parsed.macros(), node.packageName, node.originalFilePath,
                new RenderSession());
    }

    private Object testedModel(Node node, RuntimeHost host) {
        if (node.sources.isEmpty() && node.refs.isEmpty()) {
            throw ContextFunctions.fail(dev.sluice.core.errors.ErrorCode.COMPILATION, "test has no model to test");
        }
        String attached = node.attachedNode;
        RelationProxy relation;
        if (attached != null && attached.startsWith("source.")) {
            var source = parsed.manifest().sources.get(attached);
            relation = host.source(source.sourceName, source.name);
        } else {
            List<String> ref = node.refs.get(0);
            relation = host.ref(ref.size() > 1 ? ref.get(0) : null, ref.get(ref.size() - 1), null);
        }
        Object where = node.config.get("where");
        if (where == null) {
            return relation;
        }
        return "(select * from " + relation + " where " + where + ") dbt_subquery";
    }
}
