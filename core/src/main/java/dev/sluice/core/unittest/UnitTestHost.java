package dev.sluice.core.unittest;

import dev.sluice.core.compile.Relations;
import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.jinja.ContextFunctions;
import dev.sluice.core.jinja.ContextHost;
import dev.sluice.core.jinja.RelationProxy;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.parse.DispatchOrder;
import dev.sluice.spi.Adapter;
import dev.sluice.spi.QueryResult;
import dev.sluice.spi.Relation;
import dev.sluice.spi.RelationType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The tested model's runtime render inside a unit test: {@code ref}, {@code source} and {@code this} resolve to the
 * CTEs holding the given rows; {@code is_incremental()} is what the overrides say (false when they say nothing).
 * Introspective queries still reach the warehouse.
 */
final class UnitTestHost implements ContextHost {
    private final Node model;
    private final Set<String> given;
    private final boolean incremental;
    private final Supplier<Adapter> adapter;
    private final DispatchOrder dispatchOrder;

    /** @param given keys ({@link InputRef#key()}) of the inputs the unit test gives rows for */
    UnitTestHost(Node model, Set<String> given, boolean incremental, Supplier<Adapter> adapter,
                 DispatchOrder dispatchOrder) {
        this.model = model;
        this.given = given;
        this.incremental = incremental;
        this.adapter = adapter;
        this.dispatchOrder = dispatchOrder;
    }

    @Override
    public boolean execute() {
        return true;
    }

    @Override
    public RelationProxy ref(String packageName, String name, Object version) {
        return fixture(InputRef.ref(packageName, name));
    }

    @Override
    public RelationProxy source(String sourceName, String tableName) {
        return fixture(InputRef.source(sourceName, tableName));
    }

    private RelationProxy fixture(InputRef input) {
        if (!given.contains(input.key())) {
            throw ContextFunctions.fail(ErrorCode.COMPILATION, "model '" + model.name + "' reads " + input.describe()
                    + ", but the unit test gives no rows for it; add a 'given' input for " + input.describe());
        }
        return cte(input);
    }

    private RelationProxy cte(InputRef input) {
        return new RelationProxy(new Relation(null, null, input.cteName(), RelationType.CTE), adapter.get().dialect());
    }

    @Override
    public void config(Map<String, Object> values) {
        // recorded while parsing; renders as nothing
    }

    @Override
    public Object configValue(String key) {
        return model.config.get(key);
    }

    @Override
    public RelationProxy thisRelation() {
        return given.contains(InputRef.THIS.key()) ? cte(InputRef.THIS)
                : new RelationProxy(Relations.of(model), adapter.get().dialect());
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
        return incremental;
    }

    @Override
    public List<String> dispatchOrder(String macroNamespace) {
        return dispatchOrder.forNamespace(macroNamespace);
    }
}
