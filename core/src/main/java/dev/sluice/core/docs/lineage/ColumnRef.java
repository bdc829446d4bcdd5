package dev.sluice.core.docs.lineage;

import java.util.Comparator;
import java.util.Objects;

/**
 * One upstream column a model column is computed from: {@code column} of the node {@code nodeId} (a model, seed,
 * snapshot or source unique id). When the SQL reads a relation the project does not know (a hard-coded table, a table
 * function such as {@code read_csv(...)}), {@code nodeId} is null and {@code relation} holds the relation as written.
 */
public record ColumnRef(String nodeId, String relation, String column) implements Comparable<ColumnRef> {
    private static final Comparator<ColumnRef> ORDER = Comparator
            .comparing((ColumnRef r) -> r.nodeId == null ? "" : r.nodeId)
            .thenComparing(r -> r.relation == null ? "" : r.relation)
            .thenComparing(r -> r.column.toLowerCase(java.util.Locale.ROOT));

    public ColumnRef {
        Objects.requireNonNull(column, "column");
        if (nodeId == null && relation == null) {
            throw new IllegalArgumentException("a column reference needs a node id or a relation");
        }
        if (nodeId != null) {
            relation = null;
        }
    }

    /** A column of a project node. */
    public static ColumnRef of(String nodeId, String column) {
        return new ColumnRef(Objects.requireNonNull(nodeId, "nodeId"), null, column);
    }

    /** A column of a relation the project does not know, named as the SQL writes it. */
    public static ColumnRef external(String relation, String column) {
        return new ColumnRef(null, relation, column);
    }

    public boolean isExternal() {
        return nodeId == null;
    }

    @Override
    public int compareTo(ColumnRef other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return (nodeId != null ? nodeId : relation) + "." + column;
    }
}
