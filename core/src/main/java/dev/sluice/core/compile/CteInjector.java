package dev.sluice.core.compile;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts ephemeral models in front of a query as CTEs: merged into the query's own leading {@code with}, or as a new
 * {@code with} clause.
 */
public final class CteInjector {
    private static final Pattern LEADING_WITH = Pattern.compile(
            "\\A((?:\\s+|--[^\\n]*\\n|/\\*.*?\\*/)*)with\\b(\\s+recursive\\b)?", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private CteInjector() {
    }

    public static String inject(String sql, List<CompiledNode.InjectedCte> ctes) {
        if (ctes.isEmpty()) {
            return sql;
        }
        StringBuilder definitions = new StringBuilder();
        for (int i = 0; i < ctes.size(); i++) {
            CompiledNode.InjectedCte cte = ctes.get(i);
            if (i > 0) {
                definitions.append(",\n");
            }
            definitions.append(cte.definition());
        }
        Matcher m = LEADING_WITH.matcher(sql);
        if (m.find()) {
            String recursive = m.group(2) == null ? "" : m.group(2);
            return m.group(1) + "with" + recursive + " " + definitions + ",\n" + sql.substring(m.end()).stripLeading();
        }
        return "with " + definitions + "\n" + sql;
    }
}
