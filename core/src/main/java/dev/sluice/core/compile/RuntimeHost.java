package dev.sluice.core.compile;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.jinja.ContextFunctions;
import dev.sluice.core.jinja.ContextHost;
import dev.sluice.core.jinja.RelationProxy;
import dev.sluice.core.manifest.Manifest;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.SourceDefinition;
import dev.sluice.core.manifest.parse.DispatchOrder;
import dev.sluice.spi.Adapter;
import dev.sluice.spi.QueryResult;
import dev.sluice.spi.Relation;
import dev.sluice.spi.RelationType;
import dev.sluice.spi.SqlDialect;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The runtime render's side of the dbt context: refs resolve to the relations their nodes build (ephemeral models to
 * CTE names, remembered for injection), and queries reach the warehouse.
 */
final class RuntimeHost implements ContextHost {
    private final Manifest manifest;
    private final Node node;
    private final SqlDialect dialect;
    private final Supplier<Adapter> adapter;
    private final DispatchOrder dispatchOrder;
    private final boolean fullRefresh;
    private final DeferResolver defer;
    private final Set<String> ephemeralsUsed = new LinkedHashSet<>();

    RuntimeHost(Manifest manifest, Node node, SqlDialect dialect, Supplier<Adapter> adapter, DispatchOrder dispatchOrder,
                boolean fullRefresh, DeferResolver defer) {
        this.manifest = manifest;
        this.node = node;
        this.dialect = dialect;
        this.adapter = adapter;
        this.dispatchOrder = dispatchOrder;
        this.fullRefresh = fullRefresh;
        this.defer = defer;
    }

    Set<String> ephemeralsUsed() {
        return ephemeralsUsed;
    }

    @Override
    public boolean execute() {
        return true;
    }

    @Override
    public RelationProxy ref(String packageName, String name, Object version) {
        Node target = manifest.findRefable(packageName, name)
                .orElseThrow(() -> ContextFunctions.fail(ErrorCode.REF_NOT_FOUND,
                        (node == null ? "This code" : node.describe()) + " depends on a node named '" + name
                                + "' which was not found"));
        if (target.isEphemeral()) {
            ephemeralsUsed.add(target.uniqueId);
            return new RelationProxy(Relations.of(target), dialect);
        }
        return new RelationProxy(defer.resolve(target).orElseGet(() -> Relations.of(target)), dialect);
    }

    @Override
    public RelationProxy source(String sourceName, String tableName) {
        SourceDefinition source = manifest.findSource(sourceName, tableName)
                .orElseThrow(() -> ContextFunctions.fail(ErrorCode.SOURCE_NOT_FOUND,
                        "depends on a source named '" + sourceName + "." + tableName + "' which was not found"));
        return new RelationProxy(Relations.of(source), dialect);
    }

    @Override
    public void config(Map<String, Object> values) {
        // config() was recorded while parsing; at run time it renders as nothing
    }

    @Override
    public Object configValue(String key) {
        return node == null ? null : node.config.get(key);
    }

    @Override
    public RelationProxy thisRelation() {
        return node == null || !Relations.builds(node) ? null : new RelationProxy(Relations.of(node), dialect);
    }

    @Override
    public Adapter adapter() {
        return adapter.get();
    }

    @Override
    public QueryResult runSql(String sql, boolean fetch) {
        return adapter.get().query(sql);
    }

    @Override
    public boolean isIncremental() {
        if (node == null || !"incremental".equals(node.materialized())
                || FullRefresh.of(node, fullRefresh)) {
            return false;
        }
        Relation relation = Relations.of(node);
        return adapter.get().getRelation(relation.database(), relation.schema(), relation.identifier())
                .map(r -> r.type() == RelationType.TABLE).orElse(false);
    }

    @Override
    public List<String> dispatchOrder(String macroNamespace) {
        return dispatchOrder.forNamespace(macroNamespace);
    }
}
