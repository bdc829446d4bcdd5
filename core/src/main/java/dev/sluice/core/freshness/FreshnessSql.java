package dev.sluice.core.freshness;

/**
 * The query that measures a source, as dbt's {@code collect_freshness} macro writes it: the newest
 * {@code loaded_at_field} value and the warehouse's clock, optionally over the rows a filter keeps.
 */
public final class FreshnessSql {
    /** The warehouse's clock; standard SQL, so every adapter answers it. */
    public static final String NOW = "current_timestamp";

    private FreshnessSql() {
    }

    /**
     * @param relation      the rendered, quoted relation
     * @param loadedAtField a column name or SQL expression, used as written (dbt does not quote it)
     * @param filter        a SQL condition, or null
     */
    public static String query(String relation, String loadedAtField, String filter) {
        StringBuilder sql = new StringBuilder("select\n  max(").append(loadedAtField).append(") as max_loaded_at,\n  ")
                .append(NOW).append(" as snapshotted_at\nfrom ").append(relation);
        if (filter != null && !filter.isBlank()) {
            sql.append("\nwhere ").append(filter.strip());
        }
        return sql.toString();
    }
}
