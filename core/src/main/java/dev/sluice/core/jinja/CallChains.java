package dev.sluice.core.jinja;

/**
 * Jinjava cannot call the value a call returns ({@code adapter.dispatch('x', 'pkg')(args)}, dbt's everyday idiom).
 * This rewrites {@code )(} inside Jinja expressions and statements to {@code ).__call__(}, which every Sluice
 * callable answers. Text outside {@code {{ }}} and {@code {% %}}, and string literals inside them, are left alone.
 */
final class CallChains {
    private static final java.util.regex.Pattern SPACED_CALL = java.util.regex.Pattern.compile("\\)\\s+\\(");

    private CallChains() {
    }

    static String rewrite(String template) {
        if (!template.contains(")(") && !SPACED_CALL.matcher(template).find()) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 16);
        int i = 0;
        int n = template.length();
        while (i < n) {
            int open = nextOpen(template, i);
            if (open < 0) {
                out.append(template, i, n);
                break;
            }
            out.append(template, i, open + 2);
            String close = template.charAt(open + 1) == '{' ? "}}" : "%}";
            i = rewriteTag(template, open + 2, close, out);
        }
        return out.toString();
    }

    /** Where the next opening delimiter ("{{" or "{%") starts at or after {@code from}; -1 if none. */
    static int nextOpen(String text, int from) {
        int a = text.indexOf("{{", from);
        int b = text.indexOf("{%", from);
        if (a < 0) {
            return b;
        }
        return b < 0 ? a : Math.min(a, b);
    }

    /** Copies one tag body, rewriting call chains, up to and including its closing delimiter. */
    private static int rewriteTag(String text, int start, String close, StringBuilder out) {
        int i = start;
        char quote = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == '\\' && i + 1 < text.length()) {
                    out.append(text.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
                i++;
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                out.append(c);
                i++;
                continue;
            }
            if (text.startsWith(close, i)) {
                out.append(close);
                return i + close.length();
            }
            if (c == ')') {
                int j = i + 1;
                while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
                    j++;
                }
                if (j < text.length() && text.charAt(j) == '(') {
                    out.append(").__call__(");
                    i = j + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return i;
    }
}
