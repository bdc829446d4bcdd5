package dev.sluice.core.python;

import dev.sluice.core.python.PythonTokenizer.Kind;
import dev.sluice.core.python.PythonTokenizer.Token;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what dbt reads from a Python model without running it: the {@code dbt.ref(...)}, {@code dbt.source(...)} and
 * {@code dbt.config(...)} calls, whose arguments must be literals, and the presence of {@code def model(dbt, session)}.
 * Works on tokens, so calls inside strings or comments do not count.
 */
public final class PythonModelScanner {

    /** What one file declares: refs as [package?, name], sources as [source, table], and the config literals. */
    public record Scan(List<List<String>> refs, List<List<String>> sources, Map<String, Object> config) {
    }

    /** A Python model that breaks dbt's rules for static parsing; {@code line} is 1-based. */
    public static final class ScanError extends RuntimeException {
        private final int line;

        ScanError(String message, int line) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private final List<Token> tokens;
    private int pos;

    private PythonModelScanner(List<Token> tokens) {
        this.tokens = tokens;
    }

    public static Scan scan(String source) {
        List<Token> tokens;
        try {
            tokens = PythonTokenizer.tokenize(source);
        } catch (PythonTokenizer.SyntaxError e) {
            throw new ScanError(e.getMessage(), e.line);
        }
        return new PythonModelScanner(tokens).run();
    }

    private Scan run() {
        List<List<String>> refs = new ArrayList<>();
        List<List<String>> sources = new ArrayList<>();
        Map<String, Object> config = new LinkedHashMap<>();
        int models = 0;
        for (pos = 0; pos < tokens.size(); pos++) {
            Token t = tokens.get(pos);
            if (t.is(Kind.NAME, "def") && at(1, Kind.NAME, "model") && at(2, Kind.OP, "(")
                    && (pos == 0 || !tokens.get(pos - 1).is(Kind.OP, "."))) {
                models++;
                continue;
            }
            if (!t.is(Kind.NAME, "dbt") || !at(1, Kind.OP, ".") || !at(3, Kind.OP, "(")
                    || (pos > 0 && tokens.get(pos - 1).is(Kind.OP, "."))) {
                continue;
            }
            String method = tokens.get(pos + 2).kind() == Kind.NAME ? tokens.get(pos + 2).text() : "";
            if (!method.equals("ref") && !method.equals("source") && !method.equals("config")) {
                continue;
            }
            int line = t.line();
            pos += 4;
            Call call = arguments(method);
            switch (method) {
                case "ref" -> {
                    List<String> ref = strings(call.positional, "dbt.ref", line);
                    if (ref.isEmpty() || ref.size() > 2) {
                        throw new ScanError("dbt.ref() takes a model name, optionally after a package name", line);
                    }
                    if (!refs.contains(ref)) {
                        refs.add(ref);
                    }
                }
                case "source" -> {
                    List<String> source = strings(call.positional, "dbt.source", line);
                    if (source.size() != 2) {
                        throw new ScanError("dbt.source() takes a source name and a table name", line);
                    }
                    if (!sources.contains(source)) {
                        sources.add(source);
                    }
                }
                default -> {
                    if (!call.positional.isEmpty()) {
                        throw new ScanError("dbt.config() takes keyword arguments only", line);
                    }
                    config.putAll(call.keywords);
                }
            }
        }
        if (models != 1) {
            throw new ScanError("dbt allows exactly one model defined per python file, found " + models
                    + " (a Python model defines `def model(dbt, session)`)", 1);
        }
        return new Scan(refs, sources, config);
    }

    private boolean at(int offset, Kind kind, String text) {
        return pos + offset < tokens.size() && tokens.get(pos + offset).is(kind, text);
    }

    private record Call(List<Object> positional, Map<String, Object> keywords) {
    }

    /** Arguments up to the closing parenthesis; {@code pos} is just after the opening one. */
    private Call arguments(String method) {
        List<Object> positional = new ArrayList<>();
        Map<String, Object> keywords = new LinkedHashMap<>();
        while (!peek(Kind.OP, ")")) {
            if (peek(Kind.NAME, null) && pos + 1 < tokens.size() && tokens.get(pos + 1).is(Kind.OP, "=")
                    && !(pos + 2 < tokens.size() && tokens.get(pos + 2).is(Kind.OP, "="))) {
                String key = tokens.get(pos).text();
                pos += 2;
                keywords.put(key, literal("dbt." + method));
            } else {
                positional.add(literal("dbt." + method));
            }
            if (peek(Kind.OP, ",")) {
                pos++;
            } else if (!peek(Kind.OP, ")")) {
                throw new ScanError("in dbt." + method + "(), only literal values are allowed (found `"
                        + current().text() + "`)", current().line());
            }
        }
        return new Call(positional, keywords);
    }

    private Token current() {
        if (pos >= tokens.size()) {
            throw new ScanError("unexpected end of file inside a dbt call", tokens.get(tokens.size() - 1).line());
        }
        return tokens.get(pos);
    }

    private boolean peek(Kind kind, String text) {
        Token t = current();
        return t.kind() == kind && (text == null || t.text().equals(text));
    }

    /** A Python literal: strings (adjacent ones joined), numbers, True/False/None, lists, tuples, dicts, sets. */
    private Object literal(String where) {
        Token t = current();
        switch (t.kind()) {
            case STRING -> {
                StringBuilder text = new StringBuilder();
                while (pos < tokens.size() && tokens.get(pos).kind() == Kind.STRING) {
                    if (tokens.get(pos).formatted()) {
                        throw new ScanError("in " + where + "(), f-strings are not literal values", tokens.get(pos).line());
                    }
                    text.append(tokens.get(pos++).text());
                }
                return text.toString();
            }
            case NUMBER -> {
                pos++;
                return number(t);
            }
            case NAME -> {
                pos++;
                return switch (t.text()) {
                    case "True" -> Boolean.TRUE;
                    case "False" -> Boolean.FALSE;
                    case "None" -> null;
                    default -> throw new ScanError("in " + where + "(), only literal values are allowed (found `"
                            + t.text() + "`)", t.line());
                };
            }
            default -> {
                if (t.text().equals("-") && pos + 1 < tokens.size() && tokens.get(pos + 1).kind() == Kind.NUMBER) {
                    pos++;
                    Object n = number(tokens.get(pos++));
                    return n instanceof Long l ? (Object) (-l) : n instanceof Double d ? (Object) (-d) : n;
                }
                if (t.text().equals("[") || t.text().equals("(")) {
                    String close = t.text().equals("[") ? "]" : ")";
                    pos++;
                    List<Object> items = new ArrayList<>();
                    while (!peek(Kind.OP, close)) {
                        items.add(literal(where));
                        if (peek(Kind.OP, ",")) {
                            pos++;
                        } else if (!peek(Kind.OP, close)) {
                            throw new ScanError("in " + where + "(), only literal values are allowed", current().line());
                        }
                    }
                    pos++;
                    return items;
                }
                if (t.text().equals("{")) {
                    pos++;
                    Map<String, Object> map = new LinkedHashMap<>();
                    List<Object> set = new ArrayList<>();
                    while (!peek(Kind.OP, "}")) {
                        Object key = literal(where);
                        if (peek(Kind.OP, ":")) {
                            pos++;
                            map.put(String.valueOf(key), literal(where));
                        } else {
                            set.add(key);
                        }
                        if (peek(Kind.OP, ",")) {
                            pos++;
                        } else if (!peek(Kind.OP, "}")) {
                            throw new ScanError("in " + where + "(), only literal values are allowed", current().line());
                        }
                    }
                    pos++;
                    return set.isEmpty() ? map : set;
                }
                throw new ScanError("in " + where + "(), only literal values are allowed (found `" + t.text() + "`)",
                        t.line());
            }
        }
    }

    private static Object number(Token t) {
        String text = t.text().toLowerCase(java.util.Locale.ROOT);
        try {
            if (text.startsWith("0x")) {
                return Long.parseLong(text.substring(2), 16);
            }
            if (text.matches("\\d+")) {
                return Long.parseLong(text);
            }
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new ScanError("not a number: " + t.text(), t.line());
        }
    }

    private static List<String> strings(List<Object> values, String where, int line) {
        List<String> out = new ArrayList<>();
        for (Object value : values) {
            if (!(value instanceof String s)) {
                throw new ScanError(where + "() arguments must be string literals", line);
            }
            out.add(s);
        }
        return out;
    }
}
