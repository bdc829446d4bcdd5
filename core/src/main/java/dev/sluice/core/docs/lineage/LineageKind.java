package dev.sluice.core.docs.lineage;

/**
 * How an output column is derived from its upstream columns, from the weakest to the strongest; when a column passes
 * through several steps (CTEs, subqueries) its kind is the strongest step's.
 */
public enum LineageKind {
    /** No upstream column: a literal, {@code current_date}, {@code null}, a constant expression. */
    CONSTANT,
    /** One upstream column passed through unchanged, perhaps renamed. */
    DIRECT,
    /** Computed by an expression (arithmetic, CASE, COALESCE, casts, scalar functions, scalar subqueries). */
    TRANSFORMED,
    /** Computed by an aggregate function ({@code sum}, {@code count}, ...) over groups of rows. */
    AGGREGATED,
    /** Computed by a window function ({@code ... over (...)}). */
    WINDOW;

    LineageKind max(LineageKind other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
