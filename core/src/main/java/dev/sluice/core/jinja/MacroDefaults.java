package dev.sluice.core.jinja;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jinjava reads a macro's parameters up to the first {@code )} and splits them on every comma, so defaults such as
 * {@code order_by='count(*) desc'} or {@code quote_identifiers=[1, 2]} break it. This rewrites such a default to
 * {@code none} and sets the real default at the top of the body when the argument was not given. Line numbers stay.
 */
final class MacroDefaults {
    private static final Pattern HEADER = Pattern.compile("\\{%(-?)\\s*macro\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");

    private MacroDefaults() {
    }

    static String rewrite(String text) {
        if (!text.contains("macro")) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 64);
        Matcher m = HEADER.matcher(text);
        int from = 0;
        while (m.find(from)) {
            int argsStart = m.end();
            int argsEnd = closingParen(text, argsStart);
            int tagEnd = argsEnd < 0 ? -1 : text.indexOf("%}", argsEnd);
            if (argsEnd < 0 || tagEnd < 0) {
                break;
            }
            out.append(text, from, argsStart);
            List<String> params = splitTopLevel(text.substring(argsStart, argsEnd));
            StringBuilder prologue = new StringBuilder();
            List<String> rewritten = new ArrayList<>();
            for (String param : params) {
                int eq = topLevelEquals(param);
                if (eq > 0) {
                    String name = param.substring(0, eq).strip();
                    String value = param.substring(eq + 1).strip();
                    if (value.indexOf(',') >= 0 || value.indexOf('(') >= 0 || value.indexOf(')') >= 0) {
                        rewritten.add(name + "=none");
                        prologue.append("{% if ").append(name).append(" is none %}{% set ").append(name)
                                .append(" = ").append(value).append(" %}{% endif %}");
                        continue;
                    }
                }
                rewritten.add(param.strip());
            }
            out.append(String.join(", ", rewritten));
            String prologueText = prologue.toString();
            if (!prologueText.isEmpty() && text.charAt(tagEnd - 1) == '-') {
                // the header trims what follows it; the prologue now follows it, so its last tag must trim instead
                prologueText = prologueText.substring(0, prologueText.length() - 2) + "-%}";
            }
            out.append(text, argsEnd, tagEnd + 2).append(prologueText);
            from = tagEnd + 2;
        }
        out.append(text, from, text.length());
        return out.toString();
    }

    private static int closingParen(String text, int start) {
        int depth = 1;
        char quote = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static List<String> splitTopLevel(String args) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < args.length(); i++) {
            char c = args.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(args.substring(start, i));
                start = i + 1;
            }
        }
        if (!args.substring(start).isBlank()) {
            parts.add(args.substring(start));
        }
        return parts;
    }

    private static int topLevelEquals(String param) {
        char quote = 0;
        for (int i = 0; i < param.length(); i++) {
            char c = param.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '=') {
                return i;
            } else if (c == '(' || c == '[' || c == '{') {
                return -1;
            }
        }
        return -1;
    }
}
