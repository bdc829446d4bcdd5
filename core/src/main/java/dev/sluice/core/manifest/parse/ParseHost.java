package dev.sluice.core.manifest.parse;

import dev.sluice.core.jinja.ContextHost;
import dev.sluice.core.jinja.RelationProxy;
import dev.sluice.core.manifest.Node;
import dev.sluice.spi.Adapter;
import dev.sluice.spi.QueryResult;
import dev.sluice.spi.Relation;
import dev.sluice.spi.RelationType;
import dev.sluice.spi.SqlDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parse render's side of the dbt context: {@code ref}, {@code source} and {@code config} record into the node and
 * return placeholders; nothing reaches the warehouse ({@code execute} is false).
 */
final class ParseHost implements ContextHost {
    private final Node node;
    private final SqlDialect dialect;
    private final String database;
    private final String schema;
    private final DispatchOrder dispatchOrder;

    ParseHost(Node node, SqlDialect dialect, String database, String schema, DispatchOrder dispatchOrder) {
        this.node = node;
        this.dialect = dialect;
        this.database = database;
        this.schema = schema;
        this.dispatchOrder = dispatchOrder;
    }

    @Override
    public boolean execute() {
        return false;
    }

    @Override
    public RelationProxy ref(String packageName, String name, Object version) {
        List<String> call = new ArrayList<>();
        if (packageName != null) {
            call.add(packageName);
        }
        call.add(name);
        if (!node.refs.contains(call)) {
            node.refs.add(call);
        }
        return new RelationProxy(new Relation(database, schema, name, RelationType.TABLE), dialect);
    }

    @Override
    public RelationProxy source(String sourceName, String tableName) {
        List<String> call = List.of(sourceName, tableName);
        if (!node.sources.contains(call)) {
            node.sources.add(call);
        }
        return new RelationProxy(new Relation(database, sourceName, tableName, RelationType.TABLE), dialect);
    }

    @Override
    public void config(Map<String, Object> values) {
        values.forEach(node.config::set);
    }

    @Override
    public Object configValue(String key) {
        return node.config.get(key);
    }

    @Override
    public RelationProxy thisRelation() {
        return new RelationProxy(new Relation(database, schema, node.name, RelationType.TABLE), dialect);
    }

    @Override
    public Adapter adapter() {
        return null;
    }

    @Override
    public QueryResult runSql(String sql, boolean fetch) {
        throw new IllegalStateException("no SQL runs while parsing");
    }

    @Override
    public boolean isIncremental() {
        return false;
    }

    @Override
    public List<String> dispatchOrder(String macroNamespace) {
        return dispatchOrder.forNamespace(macroNamespace);
    }
}
