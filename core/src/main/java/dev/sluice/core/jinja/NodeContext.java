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

    public static Map<String, Object> build(Invocation invocation, ContextHost host, ContextFunctions.VarLookup vars,
                                            Map<String, Object> model, String owner) {
        Map<String, Object> context = new LinkedHashMap<>(
                ContextFunctions.base(vars, invocation.env(), invocation.logger(), owner));
        context.put("execute", host.execute());
        context.put("target", invocation.target());
        context.put("project_name", invocation.projectName());
        context.put("invocation_id", invocation.invocationId());
        context.put("run_started_at", PyDateTime.parseUtc(invocation.runStartedAt()));
        context.put("flags", invocation.flags());
        context.put("model", model);
        context.put("graph", Map.of("nodes", Map.of(), "sources", Map.of(), "exposures", Map.of()));
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
