package dev.sluice.core.docs.lineage;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The column-level lineage of one model: either its output columns in order, each with the upstream columns it is
 * computed from, or the reason the SQL could not be analysed ({@link #unparsableReason()}), never a guess.
 */
public final class ModelLineage {
    private final List<OutputColumn> columns;
    private final String unparsableReason;

    private ModelLineage(List<OutputColumn> columns, String unparsableReason) {
        this.columns = columns;
        this.unparsableReason = unparsableReason;
    }

    public static ModelLineage parsed(List<OutputColumn> columns) {
        return new ModelLineage(List.copyOf(columns), null);
    }

    public static ModelLineage unparsable(String reason) {
        return new ModelLineage(List.of(), Objects.requireNonNull(reason, "reason"));
    }

    /** True when the SQL was analysed; false when {@link #unparsableReason()} says why not. */
    public boolean isParsed() {
        return unparsableReason == null;
    }

    /** Why the SQL could not be analysed: the parser's message, or the construct lineage does not support. */
    public Optional<String> unparsableReason() {
        return Optional.ofNullable(unparsableReason);
    }

    /** The output columns in the order the query returns them; empty when unparsable. */
    public List<OutputColumn> columns() {
        return columns;
    }

    /** The output column names in order. */
    public List<String> columnNames() {
        return columns.stream().map(OutputColumn::name).toList();
    }

    /** The first output column of that name, compared case-insensitively as DuckDB and unquoted Postgres do. */
    public Optional<OutputColumn> column(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return columns.stream().filter(c -> c.name().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    @Override
    public String toString() {
        return isParsed() ? "ModelLineage" + columns : "ModelLineage[unparsable: " + unparsableReason + "]";
    }
}
