package dev.sluice.postgres;

import dev.sluice.spi.Relation;
import dev.sluice.spi.SqlDialect;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's spelling. {@code MERGE} exists from PostgreSQL 15 ({@code server_version_num} 150000); on an older
 * server a merge is spelled as {@code update ... from} followed by {@code insert ... where not exists}, run in the same
 * transaction, which updates and inserts exactly the rows {@code MERGE} would.
 */
final class PostgresDialect implements SqlDialect {
    static final int MERGE_SINCE = 150000;

    private final int serverVersionNum;

    /** The spelling for a server of {@code serverVersionNum} (e.g. 170007 for 17.7). */
    PostgresDialect(int serverVersionNum) {
        this.serverVersionNum = serverVersionNum;
    }

    /** Before a connection: assume a server with MERGE. */
    PostgresDialect() {
        this(MERGE_SINCE);
    }

    boolean hasMerge() {
        return serverVersionNum >= MERGE_SINCE;
    }

    int serverVersionNum() {
        return serverVersionNum;
    }

    @Override
    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public String mergeInto(Relation target, Relation source, List<String> uniqueKey, List<String> columns,
                            List<String> updateColumns, List<String> predicates) {
        if (hasMerge()) {
            return SqlDialect.super.mergeInto(target, source, uniqueKey, columns, updateColumns, predicates);
        }
        List<String> statements = new ArrayList<>();
        String t = render(target);
        String s = render(source);
        String on = keysMatch(uniqueKey, predicates);
        if (!uniqueKey.isEmpty() && !updateColumns.isEmpty()) {
            statements.add("update " + t + " as DBT_INTERNAL_DEST set " + String.join(", ", updateColumns.stream()
                    .map(c -> quote(c) + " = DBT_INTERNAL_SOURCE." + quote(c)).toList())
                    + "\nfrom " + s + " as DBT_INTERNAL_SOURCE\nwhere " + on);
        }
        String list = columnList(columns);
        statements.add("insert into " + t + " (" + list + ")\nselect " + String.join(", ", columns.stream()
                .map(c -> "DBT_INTERNAL_SOURCE." + quote(c)).toList()) + "\nfrom " + s + " as DBT_INTERNAL_SOURCE"
                + (uniqueKey.isEmpty() ? "" : "\nwhere not exists (select 1 from " + t + " as DBT_INTERNAL_DEST where "
                + on + ")"));
        return String.join(";\n", statements);
    }

    private String keysMatch(List<String> uniqueKey, List<String> predicates) {
        StringBuilder on = new StringBuilder();
        for (String key : uniqueKey) {
            on.append(on.length() == 0 ? "" : " and ").append("DBT_INTERNAL_DEST.").append(quote(key))
                    .append(" = DBT_INTERNAL_SOURCE.").append(quote(key));
        }
        for (String predicate : predicates) {
            on.append(" and (").append(predicate).append(')');
        }
        return on.toString();
    }

    @Override public String typeString() { return "text"; }
    @Override public String typeInt() { return "integer"; }
    @Override public String typeBigint() { return "bigint"; }
    @Override public String typeFloat() { return "float8"; }
    @Override public String typeNumeric() { return "numeric(28,6)"; }
    @Override public String typeBoolean() { return "boolean"; }
    @Override public String typeTimestamp() { return "timestamp"; }
}
