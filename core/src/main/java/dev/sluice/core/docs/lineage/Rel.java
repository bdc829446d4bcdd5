package dev.sluice.core.docs.lineage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A relation as a query sees it: a CTE, a subquery, an upstream node or an external table. Either its columns are
 * known (each with its lineage), or only where any column of it would come from ({@code origin}).
 */
final class Rel {
    record Col(String name, Derived lineage) {
    }

    /** For relations with unknown columns: the node id, or null with {@code relation} naming an external table. */
    private final String nodeId;
    private final String relation;
    private final List<Col> columns;
    private final String description;

    private Rel(String nodeId, String relation, List<Col> columns, String description) {
        this.nodeId = nodeId;
        this.relation = relation;
        this.columns = columns == null ? null : List.copyOf(columns);
        this.description = description;
    }

    static Rel known(List<Col> columns, String description) {
        return new Rel(null, null, columns, description);
    }

    /** An upstream node: with its columns when known, each a direct reference to the node's column. */
    static Rel upstream(String nodeId, List<String> columns, String description) {
        if (columns == null) {
            return new Rel(nodeId, null, null, description);
        }
        List<Col> cols = new ArrayList<>();
        for (String column : columns) {
            cols.add(new Col(column, Derived.direct(ColumnRef.of(nodeId, column))));
        }
        return new Rel(nodeId, null, cols, description);
    }

    static Rel external(String relation, List<String> columns) {
        if (columns == null) {
            return new Rel(null, relation, null, relation);
        }
        List<Col> cols = new ArrayList<>();
        for (String column : columns) {
            cols.add(new Col(column, Derived.direct(ColumnRef.external(relation, column))));
        }
        return new Rel(null, relation, cols, relation);
    }

    boolean columnsKnown() {
        return columns != null;
    }

    List<Col> columns() {
        if (columns == null) {
            throw new UnsupportedSqlException("cannot expand * over " + description + ": its columns are not known");
        }
        return columns;
    }

    String description() {
        return description;
    }

    boolean has(String name) {
        return columns != null && find(name).isPresent();
    }

    private Optional<Col> find(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return columns.stream().filter(c -> c.name().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    /** The lineage of column {@code name}; for unknown columns, a direct reference to the node's or table's column. */
    Derived column(String name) {
        if (columns != null) {
            return find(name).map(Col::lineage)
                    .orElseGet(() -> Derived.problem("column " + name + " is not a column of " + description));
        }
        return Derived.direct(nodeId != null ? ColumnRef.of(nodeId, name) : ColumnRef.external(relation, name));
    }

    /** The same relation with its columns renamed, as {@code alias(a, b)} or {@code with x(a, b) as} do. */
    Rel renamed(List<String> names, String newDescription) {
        if (names.isEmpty()) {
            return this;
        }
        List<Col> cols = columns();
        if (names.size() > cols.size()) {
            throw new UnsupportedSqlException(newDescription + " names " + names.size() + " columns but has "
                    + cols.size());
        }
        List<Col> out = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            out.add(new Col(i < names.size() ? names.get(i) : cols.get(i).name(), cols.get(i).lineage()));
        }
        return known(out, newDescription);
    }
}
