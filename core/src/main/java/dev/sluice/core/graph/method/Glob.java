package dev.sluice.core.graph.method;

import java.util.regex.Pattern;

/**
 * Unix shell-style wildcards as dbt's selector methods accept them: {@code *}, {@code ?}, {@code [abc]}, {@code [a-z]}
 * and {@code [!abc]}. {@link #matches} lets {@code *} cross every character (names, tags, fqn tails);
 * {@link #matchesPath} keeps {@code *} inside one path segment and lets {@code **} cross segments, as a file glob does.
 */
public final class Glob {
    private Glob() {
    }

    public static boolean hasWildcard(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0 || text.indexOf('[') >= 0;
    }

    /** Whole-string match; case-sensitive like dbt on Linux. */
    public static boolean matches(String pattern, String text) {
        if (text == null) {
            return false;
        }
        if (!hasWildcard(pattern)) {
            return pattern.equals(text);
        }
        return Pattern.compile(toRegex(pattern, false)).matcher(text).matches();
    }

    public static boolean matchesPath(String pattern, String path) {
        if (path == null) {
            return false;
        }
        if (!hasWildcard(pattern)) {
            return pattern.equals(path);
        }
        return Pattern.compile(toRegex(pattern, true)).matcher(path).matches();
    }

    static String toRegex(String pattern, boolean pathAware) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '*') {
                boolean doubleStar = pathAware && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*';
                if (doubleStar) {
                    i += 2;
                    // "**/" may also match nothing, so "models/**/x.sql" finds models/x.sql.
                    if (i < pattern.length() && pattern.charAt(i) == '/') {
                        out.append("(?:.*/)?");
                        i++;
                    } else {
                        out.append(".*");
                    }
                    continue;
                }
                out.append(pathAware ? "[^/]*" : ".*");
            } else if (c == '?') {
                out.append(pathAware ? "[^/]" : ".");
            } else if (c == '[') {
                int close = pattern.indexOf(']', i + 2);
                if (close < 0) {
                    out.append("\\[");
                } else {
                    String body = pattern.substring(i + 1, close);
                    boolean negated = body.startsWith("!");
                    if (negated) {
                        body = body.substring(1);
                    }
                    // Escape what Java's character classes treat specially but fnmatch does not.
                    String escaped = body.replace("\\", "\\\\").replace("[", "\\[").replace("&", "\\&");
                    if (!negated && escaped.startsWith("^")) {
                        escaped = "\\" + escaped;
                    }
                    out.append('[').append(negated ? "^" : "").append(escaped).append(']');
                    i = close;
                }
            } else {
                out.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        return out.toString();
    }
}
