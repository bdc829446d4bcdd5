package dev.sluice.postgres;

import dev.sluice.spi.Relation;
import dev.sluice.spi.RelationType;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The atomic replace, as dbt-postgres does it but in one transaction (PostgreSQL's DDL is transactional): build
 * {@code x__dbt_tmp} beside the old relation, rename the old one to {@code x__dbt_backup}, rename the new one to
 * {@code x}, drop the backup with {@code cascade}; commit. A failure anywhere rolls all of it back, so the old relation
 * stays whole and readers never see a half-built one. Views that depended on the old relation are dropped with the
 * backup (PostgreSQL binds views to a relation, not to its name), exactly as with dbt-postgres; each drop is reported as
 * a notice, and the views come back when their own models run (in a {@code run} they are downstream, so they do).
 */
final class RelationSwap {
    /** PostgreSQL truncates identifiers to 63 bytes. */
    static final int MAX_IDENTIFIER_BYTES = 63;

    private final PostgresDialect dialect;
    private final Consumer<String> notices;

    RelationSwap(PostgresDialect dialect, Consumer<String> notices) {
        this.dialect = dialect;
        this.notices = notices;
    }

    /** Runs inside a transaction on {@code connection}: {@code build} creates the new relation under the given name. */
    void replace(Connection connection, Relation target, RelationType as, Builder build) throws SQLException,
            java.io.IOException {
        Relation tmp = prepareTmp(connection, target);
        try (Statement statement = connection.createStatement()) {
            build.build(statement, tmp);
        }
        swapIn(connection, target, tmp, as);
    }

    /** Drops what a crashed earlier build may have left beside {@code target}; returns the name to build under. */
    Relation prepareTmp(Connection connection, Relation target) throws SQLException {
        Relation tmp = target.withIdentifier(sideName(target.identifier(), "__dbt_tmp"));
        Relation backup = target.withIdentifier(sideName(target.identifier(), "__dbt_backup"));
        try (Statement statement = connection.createStatement()) {
            dropIfExists(connection, statement, tmp);
            dropIfExists(connection, statement, backup);
        }
        return tmp;
    }

    /** Puts the freshly built {@code tmp} in the place of {@code target}, dropping the old relation. */
    void swapIn(Connection connection, Relation target, Relation tmp, RelationType as) throws SQLException {
        Relation backup = target.withIdentifier(sideName(target.identifier(), "__dbt_backup"));
        try (Statement statement = connection.createStatement()) {
            String existing = relkind(connection, target);
            if (existing != null) {
                statement.execute("alter " + kindWord(existing) + " " + dialect.render(target) + " rename to "
                        + dialect.quote(backup.identifier()));
            }
            statement.execute("alter " + (as == RelationType.VIEW ? "view" : "table") + " " + dialect.render(tmp)
                    + " rename to " + dialect.quote(target.identifier()));
            if (existing != null) {
                List<String> dependents = dependents(connection, backup);
                statement.execute("drop " + kindWord(existing) + " " + dialect.render(backup) + " cascade");
                if (!dependents.isEmpty()) {
                    notices.accept("postgres: replacing " + dialect.render(target) + " dropped the views that "
                            + "depended on it: " + String.join(", ", dependents) + " (they come back when their "
                            + "models run)");
                }
            }
        }
    }

    /** Column names and {@code format_type}s of a relation, in order ("id integer"). */
    static List<String> columnTypes(Connection connection, Relation relation) throws SQLException {
        String sql = "select a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod) from pg_catalog.pg_attribute a"
                + " join pg_catalog.pg_class c on c.oid = a.attrelid join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
                + " where n.nspname = ? and c.relname = ? and a.attnum > 0 and not a.attisdropped order by a.attnum";
        List<String> out = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, relation.schema());
            statement.setString(2, relation.identifier());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
        }
        return out;
    }

    interface Builder {
        void build(Statement statement, Relation as) throws SQLException, java.io.IOException;
    }

    void dropIfExists(Connection connection, Statement statement, Relation relation) throws SQLException {
        String kind = relkind(connection, relation);
        if (kind != null) {
            statement.execute("drop " + kindWord(kind) + " " + dialect.render(relation) + " cascade");
        }
    }

    /** pg_class.relkind of the relation ({@code r}, {@code v}, {@code m}, {@code p}, {@code f}), or null. */
    static String relkind(Connection connection, Relation relation) throws SQLException {
        String sql = "select c.relkind from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
                + " where n.nspname = ? and c.relname = ? and c.relkind in ('r', 'v', 'm', 'p', 'f')";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, relation.schema());
            statement.setString(2, relation.identifier());
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static String kindWord(String relkind) {
        return switch (relkind) {
            case "v" -> "view";
            case "m" -> "materialized view";
            case "f" -> "foreign table";
            default -> "table";
        };
    }

    /** Views (any schema) whose definition reads {@code relation}. */
    private List<String> dependents(Connection connection, Relation relation) throws SQLException {
        String sql = "select distinct dn.nspname, dc.relname from pg_catalog.pg_depend d"
                + " join pg_catalog.pg_rewrite r on r.oid = d.objid"
                + " join pg_catalog.pg_class dc on dc.oid = r.ev_class"
                + " join pg_catalog.pg_namespace dn on dn.oid = dc.relnamespace"
                + " join pg_catalog.pg_class c on c.oid = d.refobjid"
                + " join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
                + " where n.nspname = ? and c.relname = ? and dc.oid <> c.oid order by 1, 2";
        List<String> names = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, relation.schema());
            statement.setString(2, relation.identifier());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    names.add(dialect.quote(rs.getString(1)) + "." + dialect.quote(rs.getString(2)));
                }
            }
        }
        return names;
    }

    /**
     * {@code identifier + suffix}, shortened so that PostgreSQL does not truncate it (two long names truncated alike
     * would collide): past 63 bytes the identifier is cut and a short hash of it keeps the name unique.
     */
    static String sideName(String identifier, String suffix) {
        String name = identifier + suffix;
        if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_IDENTIFIER_BYTES) {
            return name;
        }
        String hash = Integer.toHexString(identifier.hashCode() & 0x7fffffff);
        String tail = "_" + hash + suffix;
        StringBuilder head = new StringBuilder();
        for (int i = 0; i < identifier.length(); ) {
            int cp = identifier.codePointAt(i);
            String next = head + new String(Character.toChars(cp));
            if ((next + tail).getBytes(StandardCharsets.UTF_8).length > MAX_IDENTIFIER_BYTES) {
                break;
            }
            head.append(Character.toChars(cp));
            i += Character.charCount(cp);
        }
        return head + tail;
    }
}
