package dev.sluice.core.jinja;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.project.EnvVars;
import dev.sluice.spi.QueryResult;
import dev.sluice.spi.SqlDialect;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Assembles the variables of one render of a node, hook or operation: the base functions plus {@code ref},
 * {@code source}, {@code config}, {@code this}, {@code target}, {@code execute}, {@code adapter}, {@code run_query},
 * {@code statement}/{@code load_result}, {@code is_incremental}, {@code model}, {@code flags}.
 */
public final class NodeContext {
    private NodeContext() {
    }

    /** What does not change between the nodes of one invocation. */
    public record Invocation(MacroLibrary macros, String adapterType, SqlDialect dialect, Map<String, Object> target,
                             EnvVars env, Consumer<String> logger, String invocationId, String runStartedAt,
                             Map<String, Object> flags, String projectName) {
    }

    /**
     * The part of the context that is the same for every node of an invocation: the base functions but {@code var},
     * {@code target}, {@code project_name}, {@code invocation_id}, {@code run_started_at}, {@code flags},
     * {@code graph}. Built once ({@link #shared}) and read by every render, on any thread.
     */
    public static final class Shared {
        private final Invocation invocation;
        private final Map<String, Object> functions;
        private final Map<String, Object> values;

        private Shared(Invocation invocation) {
            this.invocation = invocation;
            this.functions = ContextFunctions.invariant(invocation.env(), invocation.logger());
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("target", invocation.target());
            values.put("project_name", invocation.projectName());
            values.put("invocation_id", invocation.invocationId());
            values.put("run_started_at", PyDateTime.parseUtc(invocation.runStartedAt()));
            values.put("flags", invocation.flags());
            values.put("graph", Map.of("nodes", Map.of(), "sources", Map.of(), "exposures", Map.of()));
            this.values = values;
        }

        public Invocation invocation() {
            return invocation;
        }
    }

    public static Shared shared(Invocation invocation) {
        return new Shared(invocation);
    }

    public static Map<String, Object> build(Invocation invocation, ContextHost host, ContextFunctions.VarLookup vars,
                                            Map<String, Object> model, String owner) {
        return build(shared(invocation), host, vars, model, owner);
    }

    /** The context of one render; {@code model} may be a lazy map, read only if the template asks for it. */
    public static Map<String, Object> build(Shared shared, ContextHost host, ContextFunctions.VarLookup vars,
                                            Map<String, Object> model, String owner) {
        Invocation invocation = shared.invocation;
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("var", ContextFunctions.var(vars, owner));
        context.putAll(shared.functions);
        context.put("execute", host.execute());
        context.putAll(shared.values);
        context.put("model", model);
        context.put("ref", DbtFunction.of("ref", args -> {
            Object version = args.keywords().containsKey("version") ? args.keywords().get("version") : args.keywords().get("v");
            if (args.size() >= 2) {
                return host.ref(String.valueOf(args.get(0, "package")), String.valueOf(args.get(1, "name")), version);
            }
            return host.ref(null, args.requireString(0, "name"), version);
        }));
        context.put("source", DbtFunction.of("source", args ->
                host.source(args.requireString(0, "source_name"), args.requireString(1, "table_name"))));
        ConfigObject config = new ConfigObject(host);
        context.put("config", config);
        Map<String, Object> builtins = new LinkedHashMap<>();
        builtins.put("ref", context.get("ref"));
        builtins.put("source", context.get("source"));
        builtins.put("config", config);
        context.put("builtins", builtins);
        RelationProxy self = host.thisRelation();
        if (self != null) {
            context.put("this", self);
        }
        context.put("is_incremental", DbtFunction.of("is_incremental", args -> host.isIncremental()));
        context.put("should_store_failures", DbtFunction.of("should_store_failures",
                args -> Boolean.TRUE.equals(host.configValue("store_failures"))));
        context.put("adapter", AdapterNamespace.create(host, invocation.macros(), invocation.adapterType(),
                invocation.dialect()));
        Map<String, Map<String, Object>> results = new LinkedHashMap<>();
        context.put("run_query", DbtFunction.of("run_query", args -> {
            if (!host.execute() || ContextFunctions.session().halted()) {
                return null;
            }
            return new AgateTable(host.runSql(args.requireString(0, "sql"), true));
        }));
        context.put("__sluice_statement", DbtFunction.of("__sluice_statement", args -> {
            if (!host.execute() || ContextFunctions.session().halted()) {
                return "";
            }
            String name = args.string(0, "name");
            QueryResult result = host.runSql(args.requireString(1, "sql"), Boolean.TRUE.equals(args.get(2, "fetch")));
            if (name != null) {
                results.put(name, resultMap(result));
            }
            return "";
        }));
        context.put("load_result", DbtFunction.of("load_result", args -> results.get(args.requireString(0, "name"))));
        context.put("store_result", DbtFunction.of("store_result", args -> {
            Map<String, Object> stored = new LinkedHashMap<>();
            stored.put("response", args.get(1, "response"));
            stored.put("table", args.get(2, "agate_table"));
            stored.put("data", args.get(2, "agate_table"));
            results.put(args.requireString(0, "name"), stored);
            return "";
        }));
        context.put("fail", DbtFunction.of("fail", args -> {
            throw ContextFunctions.fail(ErrorCode.COMPILATION, String.valueOf(args.get(0, "msg")));
        }));
        return context;
    }

    private static Map<String, Object> resultMap(QueryResult result) {
        Map<String, Object> out = new LinkedHashMap<>();
        AgateTable table = new AgateTable(result);
        out.put("response", Map.of("_message", "OK", "rows_affected", result.size()));
        out.put("table", table);
        List<Object> data = new java.util.ArrayList<>();
        for (List<Object> row : result.rows()) {
            data.add(row);
        }
        out.put("data", data);
        return out;
    }
}
