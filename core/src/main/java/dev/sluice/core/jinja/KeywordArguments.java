package dev.sluice.core.jinja;

/**
 * Jinjava drops a keyword argument whose value is an operator expression: in {@code config(alias='top_' ~ var('x'))}
 * the call never sees {@code alias}, with no error (a value in parentheses, a literal or a list is fine). This wraps
 * every keyword argument's value of a call in parentheses ({@code alias=('top_' ~ var('x'))}), which means the same in
 * Jinja and is what Jinjava reads correctly. Only calls inside {@code {{ }}} and {@code {% %}} are touched; string
 * literals, comparisons ({@code ==}, {@code !=}, {@code <=}, {@code >=}) and the parameter lists of
 * {@code {% macro %}} definitions (whose defaults {@link MacroDefaults} handles) are left alone.
 */
final class KeywordArguments {
    private KeywordArguments() {
    }

    static String rewrite(String template) {
        if (template.indexOf('=') < 0 || template.indexOf('(') < 0) {
            return template;
        }
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        int n = template.length();
        while (i < n) {
            int open = CallChains.nextOpen(template, i);
            if (open < 0) {
                break;
            }
            String close = template.charAt(open + 1) == '{' ? "}}" : "%}";
            int end = template.indexOf(close, open + 2);
            int bodyEnd = end < 0 ? n : end;
            String body = template.substring(open + 2, bodyEnd);
            if (isRaw(body)) { // {% raw %}...{% endraw %} is text: skip to its end
                int endRaw = template.indexOf("endraw", bodyEnd);
                i = endRaw < 0 ? n : endRaw;
                continue;
            }
            String rewritten = isDefinition(body) ? body : rewriteExpression(body);
            if (!rewritten.equals(body)) {
                if (out == null) {
                    out = new StringBuilder(template.length() + 16);
                }
                out.append(template, copied, open + 2).append(rewritten);
                copied = bodyEnd;
            }
            i = end < 0 ? n : end + close.length();
        }
        if (out == null) {
            return template;
        }
        return out.append(template, copied, n).toString();
    }

    private static boolean isRaw(String body) {
        String trimmed = body.strip();
        if (trimmed.startsWith("-") || trimmed.startsWith("+")) {
            trimmed = trimmed.substring(1).strip();
        }
        if (trimmed.endsWith("-") || trimmed.endsWith("+")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
        }
        return trimmed.equals("raw");
    }

    /** {@code {% macro name(a, b=1) %}}: a parameter list, not a call. */
    private static boolean isDefinition(String body) {
        String trimmed = body.stripLeading();
        if (trimmed.startsWith("-") || trimmed.startsWith("+")) {
            trimmed = trimmed.substring(1).stripLeading();
        }
        return trimmed.startsWith("macro ") || trimmed.startsWith("macro\t");
    }

    /**
     * Wraps keyword values in one tag body. {@code calls[d]}: the bracket at depth d is a call's parentheses;
     * {@code valueOpen[d]}: a keyword value opened at depth d still needs its closing parenthesis.
     */
    static String rewriteExpression(String body) {
        if (body.indexOf('=') < 0) {
            return body;
        }
        StringBuilder out = new StringBuilder(body.length() + 8);
        boolean[] calls = new boolean[64];
        boolean[] valueOpen = new boolean[64];
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == '\\' && i + 1 < body.length()) {
                    out.append(body.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            switch (c) {
                case '\'', '"' -> {
                    quote = c;
                    out.append(c);
                }
                case '(', '[', '{' -> {
                    boolean call = c == '(' && isCallee(out);
                    out.append(c);
                    if (depth + 1 >= calls.length) {
                        return body; // nested too deeply to follow: leave it as written
                    }
                    depth++;
                    calls[depth] = call;
                    valueOpen[depth] = false;
                    if (call) {
                        i = keyword(body, i + 1, out, valueOpen, depth) - 1;
                    }
                }
                case ')', ']', '}' -> {
                    if (depth > 0) {
                        if (valueOpen[depth]) {
                            out.append(')');
                        }
                        depth--;
                    }
                    out.append(c);
                }
                case ',' -> {
                    if (depth > 0 && valueOpen[depth]) {
                        out.append(')');
                        valueOpen[depth] = false;
                    }
                    out.append(c);
                    if (depth > 0 && calls[depth]) {
                        i = keyword(body, i + 1, out, valueOpen, depth) - 1;
                    }
                }
                default -> out.append(c);
            }
        }
        for (int d = 1; d <= depth; d++) {
            if (valueOpen[d]) {
                return body; // unbalanced (or cut at a delimiter inside a string): leave it as written
            }
        }
        return out.toString();
    }

    /**
     * At the start of an argument ({@code from}, just after the opening parenthesis or a comma): if it is
     * {@code name=} (not {@code name==}), copies it with an opening parenthesis after the {@code =} and marks the
     * value open. Returns where scanning goes on.
     */
    private static int keyword(String body, int from, StringBuilder out, boolean[] valueOpen, int depth) {
        int i = from;
        while (i < body.length() && Character.isWhitespace(body.charAt(i))) {
            i++;
        }
        int nameStart = i;
        while (i < body.length() && (Character.isLetterOrDigit(body.charAt(i)) || body.charAt(i) == '_')) {
            i++;
        }
        if (i == nameStart || Character.isDigit(body.charAt(nameStart))) {
            return from;
        }
        int nameEnd = i;
        while (i < body.length() && Character.isWhitespace(body.charAt(i))) {
            i++;
        }
        if (i >= body.length() || body.charAt(i) != '=' || (i + 1 < body.length() && body.charAt(i + 1) == '=')) {
            return from;
        }
        out.append(body, from, nameEnd).append('=').append('(');
        valueOpen[depth] = true;
        return i + 1;
    }

    /** The text before an opening parenthesis ends in a name, a call or an index: the parenthesis is a call's. */
    private static boolean isCallee(StringBuilder before) {
        int j = before.length() - 1;
        while (j >= 0 && Character.isWhitespace(before.charAt(j))) {
            j--;
        }
        if (j < 0) {
            return false;
        }
        char c = before.charAt(j);
        if (c == ')' || c == ']') {
            return true;
        }
        if (!(Character.isLetterOrDigit(c) || c == '_')) {
            return false;
        }
        int start = j;
        while (start > 0 && (Character.isLetterOrDigit(before.charAt(start - 1)) || before.charAt(start - 1) == '_'
                || before.charAt(start - 1) == '.')) {
            start--;
        }
        String word = before.substring(start, j + 1);
        // `if (a) or (b)`, `not (x)`, `in (1, 2)`: operators before a parenthesis open a group, not a call
        return !(word.equals("if") || word.equals("elif") || word.equals("and") || word.equals("or")
                || word.equals("not") || word.equals("in") || word.equals("is") || word.equals("else")
                || Character.isDigit(word.charAt(0)));
    }
}
