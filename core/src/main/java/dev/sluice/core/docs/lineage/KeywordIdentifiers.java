package dev.sluice.core.docs.lineage;

import java.util.Set;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;
import net.sf.jsqlparser.parser.CCJSqlParserTokenManager;
import net.sf.jsqlparser.parser.SimpleCharStream;
import net.sf.jsqlparser.parser.StringProvider;
import net.sf.jsqlparser.parser.Token;

/**
 * Quotes the words JSqlParser reserves for other dialects but DuckDB and Postgres give no meaning, so that they parse
 * as the identifiers they are. The one that matters is {@code final}, ClickHouse's table modifier, which dbt projects
 * use as the name of their last CTE ({@code final as (...) select * from final}). The SQL is split into tokens by the
 * parser's own tokenizer, so words inside strings, quoted identifiers and comments are left alone.
 */
final class KeywordIdentifiers {
    private static final Set<Integer> IDENTIFIER_ONLY = Set.of(CCJSqlParserConstants.K_FINAL);

    private KeywordIdentifiers() {
    }

    static String quote(String sql) {
        StringBuilder out = new StringBuilder(sql.length() + 16);
        int copied = 0;
        try {
            CCJSqlParserTokenManager tokens = new CCJSqlParserTokenManager(new SimpleCharStream(new StringProvider(sql)));
            for (Token token = tokens.getNextToken(); token.kind != CCJSqlParserConstants.EOF;
                 token = tokens.getNextToken()) {
                if (!IDENTIFIER_ONLY.contains(token.kind)) {
                    continue;
                }
                int begin = token.absoluteBegin - 1;
                int end = token.absoluteEnd - 1;
                if (begin < copied || end > sql.length() || !sql.substring(begin, end).equals(token.image)) {
                    return sql; // positions not as expected: parse the text as written
                }
                out.append(sql, copied, begin).append('"').append(token.image).append('"');
                copied = end;
            }
        } catch (RuntimeException | Error e) {
            return sql; // the tokenizer gave up; the parser will report the problem
        }
        return out.append(sql, copied, sql.length()).toString();
    }
}
