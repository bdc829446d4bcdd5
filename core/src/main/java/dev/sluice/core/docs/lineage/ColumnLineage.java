package dev.sluice.core.docs.lineage;

import java.util.List;
import java.util.Map;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.Select;

/** Column-level lineage of one compiled SQL model. See the package documentation for the rules. */
public final class ColumnLineage {
    private ColumnLineage() {
    }

    /**
     * Analyses one model's compiled SQL (a single SELECT, as dbt compiles models): which upstream columns feed each
     * of its output columns. Never throws for bad or unsupported SQL: the result is then
     * {@link ModelLineage#unparsable(String) unparsable} with the reason.
     */
    public static ModelLineage analyze(String compiledSql, RelationResolver resolver) {
        String sql = stripTrailingSemicolons(compiledSql == null ? "" : compiledSql);
        if (sql.isBlank()) {
            return ModelLineage.unparsable("the compiled SQL is empty");
        }
        Statement statement;
        try {
            statement = CCJSqlParserUtil.parse(KeywordIdentifiers.quote(sql));
        } catch (JSQLParserException e) {
            return ModelLineage.unparsable("the SQL parser could not read the query: " + parserMessage(e));
        } catch (RuntimeException e) {
            return ModelLineage.unparsable("the SQL parser failed: " + e);
        }
        if (!(statement instanceof Select select)) {
            return ModelLineage.unparsable("not a SELECT statement (" + statement.getClass().getSimpleName() + ")");
        }
        try {
            Rel rel = new QueryAnalyzer(resolver).query(select, Map.of(), null);
            return ModelLineage.parsed(rel.columns().stream().map(c -> c.lineage().toOutput(c.name())).toList());
        } catch (UnsupportedSqlException e) {
            return ModelLineage.unparsable(e.getMessage());
        }
    }

    private static String stripTrailingSemicolons(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    /** The parser's message without its long list of expected tokens. */
    private static String parserMessage(JSQLParserException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        List<String> lines = message.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            if (line.startsWith("Was expecting")) {
                break;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(line);
        }
        return out.length() == 0 ? cause.toString() : out.toString();
    }
}
