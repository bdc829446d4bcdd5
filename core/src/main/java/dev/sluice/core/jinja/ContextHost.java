package dev.sluice.core.jinja;

import dev.sluice.spi.Adapter;
import dev.sluice.spi.QueryResult;
import java.util.List;
import java.util.Map;

/**
 * What the dbt context asks of the stage that renders: parsing records refs, sources and config and never touches the
 * warehouse ({@code execute} is false); compiling resolves refs to relations and may run queries.
 */
public interface ContextHost {

    boolean execute();

    /** {@code ref('name')}, {@code ref('package', 'name')}, with an optional version. */
    RelationProxy ref(String packageName, String name, Object version);

    RelationProxy source(String sourceName, String tableName);

    /** {@code config(...)} in the file: parsing records it, compiling ignores it. */
    void config(Map<String, Object> values);

    /** {@code config.get(key)}: the node's resolved configuration. */
    Object configValue(String key);

    /** The node being rendered as templates see it ({@code this}); null outside a node. */
    RelationProxy thisRelation();

    /** The warehouse, or null while parsing. */
    Adapter adapter();

    /** Runs SQL for {@code run_query} and {@code statement}; only called when {@link #execute()} is true. */
    QueryResult runSql(String sql, boolean fetch);

    /** {@code is_incremental()}. */
    boolean isIncremental();

    /** The macro packages {@code adapter.dispatch} searches for a namespace, in order. */
    List<String> dispatchOrder(String macroNamespace);
}
