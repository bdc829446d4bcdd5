package dev.sluice.core.materialize;

import dev.sluice.core.compile.CompiledNode;
import dev.sluice.core.compile.Compiler;
import dev.sluice.core.compile.FullRefresh;
import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.NodeConfig;
import dev.sluice.spi.Adapter;
import dev.sluice.spi.Relation;
import dev.sluice.spi.RelationType;
import dev.sluice.spi.SqlDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code incremental}: the first run (or a full refresh, or a view in the way) builds the table whole; later runs
 * build the new rows beside the table as {@code <name>__dbt_tmp}, reconcile the schema, then append, merge or
 * delete+insert them in one transaction, and drop the temporary table.
 */
public final class IncrementalMaterialization {
    private IncrementalMaterialization() {
    }

    public static Outcome run(CompiledNode compiled, Compiler compiler, Adapter adapter, boolean fullRefreshFlag) {
        Node node = compiled.node();
        Relation target = compiled.relation();
        List<String> uniqueKey = uniqueKey(node.config);
        IncrementalStrategy strategy = IncrementalStrategy.of(node, !uniqueKey.isEmpty());
        HookRunner.run("pre_hook", node, compiler, adapter);
        Optional<Relation> existing = adapter.getRelation(target.database(), target.schema(), target.identifier());
        if (existing.isEmpty() || existing.get().type() != RelationType.TABLE || FullRefresh.of(node, fullRefreshFlag)) {
            adapter.replace(target, compiled.compiledCode(), RelationType.TABLE);
            HookRunner.run("post_hook", node, compiler, adapter);
            return new Outcome(NodeStatus.SUCCESS, "OK", "OK", null, Map.of("_message", "OK", "code", "OK"));
        }
        Relation staging = target.withIdentifier(target.identifier() + "__dbt_tmp").withType(RelationType.TABLE);
        adapter.replace(staging, compiled.compiledCode(), RelationType.TABLE);
        try {
            SqlDialect dialect = adapter.dialect();
            SchemaChange.Plan plan = SchemaChange.plan(node, target, adapter.columnsOf(target),
                    adapter.columnsOf(staging), dialect);
            List<String> predicates = NodeConfig.asList(node.config.get("incremental_predicates")).stream()
                    .map(String::valueOf).toList();
            List<String> statements = new ArrayList<>(plan.ddl());
            switch (strategy) {
                case APPEND -> statements.add(dialect.insertInto(target, staging, plan.columns()));
                case MERGE -> statements.add(dialect.mergeInto(target, staging, uniqueKey, plan.columns(),
                        updateColumns(node.config, plan.columns()), predicates));
                case DELETE_INSERT -> statements.addAll(dialect.deleteInsert(target, staging, uniqueKey,
                        plan.columns(), predicates));
            }
            adapter.executeAtomically(statements);
        } finally {
            adapter.dropRelation(staging);
        }
        HookRunner.run("post_hook", node, compiler, adapter);
        return new Outcome(NodeStatus.SUCCESS, "OK", "OK", null, Map.of("_message", "OK", "code", "OK"));
    }

    static List<String> uniqueKey(NodeConfig config) {
        Object value = config.get("unique_key");
        List<String> keys = new ArrayList<>();
        for (Object item : NodeConfig.asList(value)) {
            for (String part : String.valueOf(item).split(",")) {
                if (!part.isBlank()) {
                    keys.add(part.strip());
                }
            }
        }
        return keys;
    }

    /** merge_update_columns / merge_exclude_columns narrow what a match updates. */
    private static List<String> updateColumns(NodeConfig config, List<String> columns) {
        List<Object> include = NodeConfig.asList(config.get("merge_update_columns"));
        List<Object> exclude = NodeConfig.asList(config.get("merge_exclude_columns"));
        return columns.stream()
                .filter(c -> include.isEmpty() || include.stream().anyMatch(i -> String.valueOf(i).equalsIgnoreCase(c)))
                .filter(c -> exclude.stream().noneMatch(e -> String.valueOf(e).equalsIgnoreCase(c)))
                .toList();
    }
}
