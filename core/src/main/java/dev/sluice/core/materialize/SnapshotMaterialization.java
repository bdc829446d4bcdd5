package dev.sluice.core.materialize;

import dev.sluice.core.compile.CompiledNode;
import dev.sluice.core.compile.Compiler;
import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.manifest.Node;
import dev.sluice.spi.Adapter;
import dev.sluice.spi.Column;
import dev.sluice.spi.Relation;
import dev.sluice.spi.RelationType;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code snapshot}: type-2 history of a query. The first run copies the rows with validity columns; later runs stage
 * the query beside the snapshot, add new source columns, close changed (and, if asked, deleted) rows and insert
 * their new versions, all in one transaction.
 */
public final class SnapshotMaterialization {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private SnapshotMaterialization() {
    }

    public static Outcome run(CompiledNode compiled, Compiler compiler, Adapter adapter) {
        Node node = compiled.node();
        SnapshotConfig config = SnapshotConfig.of(node);
        Relation target = compiled.relation();
        String now = "cast('" + LocalDateTime.now(ZoneOffset.UTC).format(TIME) + "' as "
                + adapter.dialect().typeTimestamp() + ")";
        SnapshotSql sql = new SnapshotSql(config, adapter.dialect(), now);
        HookRunner.run("pre_hook", node, compiler, adapter);
        Optional<Relation> existing = adapter.getRelation(target.database(), target.schema(), target.identifier());
        if (existing.isEmpty()) {
            adapter.replace(target, sql.firstBuild(compiled.compiledCode()), RelationType.TABLE);
        } else {
            Relation staging = target.withIdentifier(target.identifier() + "__dbt_tmp").withType(RelationType.TABLE);
            adapter.replace(staging, compiled.compiledCode(), RelationType.TABLE);
            try {
                List<Column> sourceColumns = adapter.columnsOf(staging);
                Set<String> present = adapter.columnsOf(target).stream().map(c -> c.name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.toSet());
                List<String> statements = new ArrayList<>();
                for (Column column : sourceColumns) {
                    if (!present.contains(column.name().toLowerCase(Locale.ROOT))) {
                        statements.add(adapter.dialect().addColumn(target, column));
                    }
                }
                statements.addAll(sql.merge(target, staging, sourceColumns.stream().map(Column::name).toList()));
                adapter.executeAtomically(statements);
            } finally {
                adapter.dropRelation(staging);
            }
        }
        HookRunner.run("post_hook", node, compiler, adapter);
        return new Outcome(NodeStatus.SUCCESS, "OK", "OK", null, Map.of("_message", "OK", "code", "OK"));
    }
}
