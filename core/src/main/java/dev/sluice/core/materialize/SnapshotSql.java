package dev.sluice.core.materialize;

import dev.sluice.spi.Relation;
import dev.sluice.spi.SqlDialect;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of a snapshot run, as strings: the first build, then on later runs closing changed and (optionally)
 * deleted rows and inserting new versions. {@code now} is the run's snapshot time as a SQL expression.
 */
final class SnapshotSql {
    private final SnapshotConfig config;
    private final SqlDialect dialect;
    private final String now;

    SnapshotSql(SnapshotConfig config, SqlDialect dialect, String now) {
        this.config = config;
        this.dialect = dialect;
        this.now = now;
    }

    /** The table a first run creates from the snapshot's query. */
    String firstBuild(String sourceSql) {
        return "select source_data.*,\n    " + scdId("source_data") + " as " + q(config.scdId()) + ",\n    "
                + updatedAt("source_data") + " as " + q(config.updatedAtColumn()) + ",\n    "
                + updatedAt("source_data") + " as " + q(config.validFrom()) + ",\n    " + validToCurrent() + " as "
                + q(config.validTo()) + "\nfrom (\n" + sourceSql.strip() + "\n) as source_data";
    }

    /** Statements of a later run, given the staged source rows and their columns. */
    List<String> merge(Relation target, Relation staging, List<String> sourceColumns) {
        List<String> statements = new ArrayList<>();
        String t = dialect.render(target);
        String s = dialect.render(staging);
        statements.add("update " + t + " as snapshotted set " + q(config.validTo()) + " = " + updatedAt("source_data")
                + "\nfrom " + s + " as source_data\nwhere " + keysMatch("snapshotted", "source_data") + "\n  and "
                + isCurrent("snapshotted") + "\n  and (" + changed("snapshotted", "source_data", sourceColumns) + ")");
        if (config.invalidateHardDeletes()) {
            statements.add("update " + t + " as snapshotted set " + q(config.validTo()) + " = " + now
                    + "\nwhere " + isCurrent("snapshotted") + "\n  and not exists (select 1 from " + s
                    + " as source_data where " + keysMatch("snapshotted", "source_data") + ")");
        }
        List<String> insertColumns = new ArrayList<>(sourceColumns);
        insertColumns.addAll(List.of(config.scdId(), config.updatedAtColumn(), config.validFrom(), config.validTo()));
        StringBuilder select = new StringBuilder();
        for (String column : sourceColumns) {
            select.append("source_data.").append(q(column)).append(", ");
        }
        select.append(scdId("source_data")).append(", ").append(updatedAt("source_data")).append(", ")
                .append(updatedAt("source_data")).append(", ").append(validToCurrent());
        statements.add("insert into " + t + " (" + dialect.columnList(insertColumns) + ")\nselect " + select
                + "\nfrom " + s + " as source_data\nwhere not exists (select 1 from " + t + " as snapshotted where "
                + keysMatch("snapshotted", "source_data") + " and " + isCurrent("snapshotted") + ")");
        return statements;
    }

    private String keysMatch(String left, String right) {
        List<String> parts = new ArrayList<>();
        for (String key : config.uniqueKey()) {
            parts.add(left + "." + q(key) + " = " + right + "." + q(key));
        }
        return String.join(" and ", parts);
    }

    private String isCurrent(String alias) {
        return config.validToCurrent() == null ? alias + "." + q(config.validTo()) + " is null"
                : alias + "." + q(config.validTo()) + " = " + config.validToCurrent();
    }

    private String validToCurrent() {
        return config.validToCurrent() == null ? "cast(null as " + dialect.typeTimestamp() + ")"
                : "cast(" + config.validToCurrent() + " as " + dialect.typeTimestamp() + ")";
    }

    /** When the row took effect: its updated_at (timestamp strategy) or the run's time (check strategy). */
    private String updatedAt(String alias) {
        return config.strategy().equals("timestamp")
                ? "cast(" + alias + "." + q(config.updatedAt()) + " as " + dialect.typeTimestamp() + ")" : now;
    }

    private String scdId(String alias) {
        List<String> parts = new ArrayList<>();
        for (String key : config.uniqueKey()) {
            parts.add("coalesce(cast(" + alias + "." + q(key) + " as " + dialect.typeString() + "), '')");
        }
        parts.add("coalesce(cast(" + updatedAt(alias) + " as " + dialect.typeString() + "), '')");
        return "md5(" + String.join(" || '|' || ", parts) + ")";
    }

    private String changed(String snapshotted, String source, List<String> sourceColumns) {
        if (config.strategy().equals("timestamp")) {
            return snapshotted + "." + q(config.validFrom()) + " < " + updatedAt(source);
        }
        List<String> columns = config.checkAll() ? sourceColumns : config.checkCols();
        List<String> parts = new ArrayList<>();
        for (String column : columns) {
            parts.add(snapshotted + "." + q(column) + " is distinct from " + source + "." + q(column));
        }
        return parts.isEmpty() ? "false" : String.join(" or ", parts);
    }

    private String q(String identifier) {
        return dialect.quote(identifier);
    }
}
