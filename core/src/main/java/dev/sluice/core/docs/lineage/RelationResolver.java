package dev.sluice.core.docs.lineage;

import java.util.List;
import java.util.Optional;

/**
 * Tells {@link ColumnLineage} which project node a relation named in SQL is, and what columns it has.
 */
@FunctionalInterface
public interface RelationResolver {
    /**
     * The node a relation name refers to. {@code nameParts} are the name's parts as written, unquoted, outermost
     * first: {@code ["shop", "main", "stg_orders"]}, {@code ["main", "stg_orders"]} or {@code ["stg_orders"]}; also the
     * name of a CTE that is not defined in the query itself, and of dbt's ephemeral CTEs ({@code __dbt__cte__x}).
     * Empty when the relation is not a node of the project.
     */
    Optional<Upstream> resolve(List<String> nameParts);

    /** A resolver that knows no relation: every table is external and its columns unknown. */
    static RelationResolver none() {
        return parts -> Optional.empty();
    }

    /**
     * An upstream node and its columns in order; {@code columns} is null when they are not known (then
     * {@code select *} from it cannot be expanded, and unqualified columns are attributed to it only when it is the
     * sole candidate).
     */
    record Upstream(String nodeId, List<String> columns) {
        public Upstream {
            java.util.Objects.requireNonNull(nodeId, "nodeId");
            columns = columns == null ? null : List.copyOf(columns);
        }

        public static Upstream withUnknownColumns(String nodeId) {
            return new Upstream(nodeId, null);
        }

        public boolean columnsKnown() {
            return columns != null;
        }
    }
}
