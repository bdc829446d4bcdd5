package dev.sluice.core.manifest.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parse render's shortcut, as dbt's static parser: a SQL file whose only Jinja is {@code {{ ref(...) }}},
 * {@code {{ source(...) }}} and {@code {{ config(...) }}} expressions with literal arguments (strings, numbers,
 * booleans, none, and lists of those) is read by this small tokenizer instead of being rendered. Anything else (a
 * statement or comment block, a filter, an attribute, a variable, a keyword argument of ref) returns null, and the
 * caller renders the file with Jinja as before.
 */
final class StaticParser {
    /** One call found in the file, in file order. */
    record Call(String function, List<Object> positional, Map<String, Object> keywords) {
    }

    private final String text;
    private int pos;

    private StaticParser(String text) {
        this.text = text;
    }

    /** The calls of {@code text}, or null when it has Jinja this parser does not understand. */
    static List<Call> parse(String text) {
        if (text.contains("{%") || text.contains("{#")) {
            return null;
        }
        try {
            return new StaticParser(text).calls();
        } catch (Unsupported e) {
            return null;
        }
    }

    private List<Call> calls() {
        List<Call> calls = new ArrayList<>();
        while (true) {
            int open = text.indexOf("{{", pos);
            if (open < 0) {
                return calls;
            }
            pos = open + 2;
            if (pos < text.length() && (text.charAt(pos) == '-' || text.charAt(pos) == '+')) {
                pos++;
            }
            calls.add(call());
            skipSpace();
            if (text.startsWith("-}}", pos) || text.startsWith("+}}", pos)) {
                pos += 3;
            } else if (text.startsWith("}}", pos)) {
                pos += 2;
            } else {
                throw new Unsupported();
            }
        }
    }

    private Call call() {
        skipSpace();
        String name = identifier();
        if (!name.equals("ref") && !name.equals("source") && !name.equals("config")) {
            throw new Unsupported();
        }
        skipSpace();
        expect('(');
        List<Object> positional = new ArrayList<>();
        Map<String, Object> keywords = new LinkedHashMap<>();
        skipSpace();
        if (peek() != ')') {
            while (true) {
                skipSpace();
                int start = pos;
                if (Character.isJavaIdentifierStart(peek())) {
                    String word = identifier();
                    skipSpace();
                    if (peek() == '=' && !text.startsWith("==", pos)) {
                        pos++;
                        if (keywords.containsKey(word)) {
                            throw new Unsupported();
                        }
                        keywords.put(word, literal());
                    } else {
                        pos = start;
                        if (!keywords.isEmpty()) {
                            throw new Unsupported();
                        }
                        positional.add(literal());
                    }
                } else {
                    if (!keywords.isEmpty()) {
                        throw new Unsupported();
                    }
                    positional.add(literal());
                }
                skipSpace();
                if (peek() == ',') {
                    pos++;
                    skipSpace();
                    if (peek() == ')') {
                        break;
                    }
                    continue;
                }
                break;
            }
        }
        skipSpace();
        expect(')');
        switch (name) {
            case "ref" -> {
                if (!keywords.isEmpty() || positional.isEmpty() || positional.size() > 2 || !allStrings(positional)) {
                    throw new Unsupported();
                }
            }
            case "source" -> {
                if (!keywords.isEmpty() || positional.size() != 2 || !allStrings(positional)) {
                    throw new Unsupported();
                }
            }
            default -> {
                if (!positional.isEmpty()) {
                    throw new Unsupported();
                }
            }
        }
        return new Call(name, positional, keywords);
    }

    private static boolean allStrings(List<Object> values) {
        return values.stream().allMatch(v -> v instanceof String);
    }

    private Object literal() {
        skipSpace();
        char c = peek();
        if (c == '\'' || c == '"') {
            int end = text.indexOf(c, pos + 1);
            if (end < 0) {
                throw new Unsupported();
            }
            String value = text.substring(pos + 1, end);
            if (value.indexOf('\\') >= 0 || value.indexOf('\n') >= 0) {
                throw new Unsupported();
            }
            pos = end + 1;
            return value;
        }
        if (c == '[') {
            pos++;
            List<Object> list = new ArrayList<>();
            skipSpace();
            while (peek() != ']') {
                Object item = literal();
                if (item instanceof List<?>) {
                    throw new Unsupported();
                }
                list.add(item);
                skipSpace();
                if (peek() == ',') {
                    pos++;
                    skipSpace();
                } else if (peek() != ']') {
                    throw new Unsupported();
                }
            }
            pos++;
            return list;
        }
        if (c == '-' || Character.isDigit(c)) {
            int start = pos;
            if (c == '-') {
                pos++;
            }
            while (Character.isDigit(peek())) {
                pos++;
            }
            if (pos == start || pos == start + 1 && c == '-' || peek() == '.' || Character.isJavaIdentifierPart(peek())) {
                throw new Unsupported();
            }
            String digits = text.substring(start, pos);
            if (digits.length() > 18) {
                throw new Unsupported();
            }
            return Long.parseLong(digits);
        }
        if (Character.isJavaIdentifierStart(c)) {
            return switch (identifier()) {
                case "True", "true" -> Boolean.TRUE;
                case "False", "false" -> Boolean.FALSE;
                case "None", "none" -> null;
                default -> throw new Unsupported();
            };
        }
        throw new Unsupported();
    }

    private String identifier() {
        int start = pos;
        if (!Character.isJavaIdentifierStart(peek()) || peek() == '$') {
            throw new Unsupported();
        }
        while (pos < text.length() && Character.isJavaIdentifierPart(text.charAt(pos)) && text.charAt(pos) != '$') {
            pos++;
        }
        return text.substring(start, pos);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw new Unsupported();
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }
}
