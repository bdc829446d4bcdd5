package dev.sluice.core.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads the plain block YAML that schema files are mostly written in (nested mappings and sequences, one-line plain or
 * quoted scalars, one-line flow lists and maps, comments) into exactly what SnakeYAML's safe loader returns for it:
 * {@link LinkedHashMap}s, {@link ArrayList}s, strings, integers, booleans and nulls. Anything else (anchors, tags, block
 * or multi-line scalars, escapes, floats, dates, duplicate keys, documents markers, tabs, odd indentation, errors) gives
 * {@link #UNSUPPORTED}, and the caller asks SnakeYAML, so its answers and its error messages stay the only ones.
 *
 * <p>SnakeYAML builds tokens, events and nodes before the objects, and was most of a large project's parse time and
 * garbage; most schema files need none of that.
 */
final class SimpleYaml {
    /** The text is not in the subset this reader understands. */
    static final Object UNSUPPORTED = new Object();

    private final Resolver resolver;
    private final String[] lines;
    private final int[] indents;
    private int line;

    private SimpleYaml(Resolver resolver, String[] lines, int[] indents) {
        this.resolver = resolver;
        this.lines = lines;
        this.indents = indents;
    }

    /** Thrown inside the reader when the text leaves the subset; never escapes {@link #parse}. */
    private static final class Unsupported extends RuntimeException {
        private static final Unsupported INSTANCE = new Unsupported();

        private Unsupported() {
            super(null, null, false, false);
        }
    }

    /** The document's value, or {@link #UNSUPPORTED}. {@code resolver} tells plain scalars' types. */
    static Object parse(String text, Resolver resolver) {
        List<String> content = new ArrayList<>();
        List<Integer> indents = new ArrayList<>();
        int start = 0;
        int length = text.length();
        while (start < length) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            int stop = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            String line = text.substring(start, stop);
            start = end + 1;
            if (!printable(line)) {
                return UNSUPPORTED;
            }
            int indent = 0;
            while (indent < line.length() && line.charAt(indent) == ' ') {
                indent++;
            }
            if (indent == line.length() || line.charAt(indent) == '#') {
                continue;
            }
            if (indent == 0 && (line.startsWith("---") || line.startsWith("...") || line.startsWith("%"))) {
                return UNSUPPORTED;
            }
            content.add(line);
            indents.add(indent);
        }
        if (content.isEmpty()) {
            return UNSUPPORTED;
        }
        int[] indentArray = new int[indents.size()];
        for (int i = 0; i < indentArray.length; i++) {
            indentArray[i] = indents.get(i);
        }
        SimpleYaml reader = new SimpleYaml(resolver, content.toArray(new String[0]), indentArray);
        try {
            Object value = reader.block(indentArray[0]);
            return reader.line == content.size() ? value : UNSUPPORTED;
        } catch (Unsupported e) {
            return UNSUPPORTED;
        }
    }

    /** Printable characters SnakeYAML reads as they are: no tabs, control characters, BOMs or surrogates. */
    private static boolean printable(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 || (c > 0x7E && c < 0xA0) || (c >= 0xD800 && c <= 0xDFFF) || c == 0xFEFF || c > 0xFFFD) {
                return false;
            }
        }
        return true;
    }

    private static Unsupported unsupported() {
        return Unsupported.INSTANCE;
    }

    /** The block collection starting at the current line, which is indented by {@code indent}. */
    private Object block(int indent) {
        if (indents[line] != indent) {
            throw unsupported();
        }
        return isSequenceEntry(lines[line], indent) ? sequence(indent) : mapping(indent, indent);
    }

    private static boolean isSequenceEntry(String text, int at) {
        return text.startsWith("- ", at) || (text.length() == at + 1 && text.charAt(at) == '-');
    }

    /**
     * A block sequence whose dashes are at {@code indent}. Ends at a line indented less, or at the same indent without
     * a dash (a sequence may sit at its parent key's indent).
     */
    private List<Object> sequence(int indent) {
        List<Object> items = new ArrayList<>();
        while (line < lines.length && indents[line] == indent && isSequenceEntry(lines[line], indent)) {
            String text = lines[line];
            int at = indent + 1;
            while (at < text.length() && text.charAt(at) == ' ') {
                at++;
            }
            if (at == text.length() || text.charAt(at) == '#' || text.startsWith("- ", at)
                    || (text.length() == at + 1 && text.charAt(at) == '-')) {
                throw unsupported();
            }
            if (keyEnd(text, at) >= 0) {
                items.add(mapping(at, indent));
            } else {
                items.add(inlineValue(text, at));
                line++;
                endOfNode(indent);
            }
        }
        if (line < lines.length && indents[line] > indent) {
            throw unsupported();
        }
        return items;
    }

    /**
     * A block mapping whose keys are at column {@code column}; its first key may follow a sequence dash, so
     * {@code lineIndent} is the indent that line counts as.
     */
    private Map<Object, Object> mapping(int column, int lineIndent) {
        Map<Object, Object> map = new LinkedHashMap<>();
        int at = column;
        while (true) {
            String text = lines[line];
            int colon = keyEnd(text, at);
            if (colon < 0) {
                throw unsupported();
            }
            Object key = key(text, at, colon);
            if (map.containsKey(key) || "<<".equals(key)) {
                throw unsupported();
            }
            int valueAt = colon + 1;
            while (valueAt < text.length() && text.charAt(valueAt) == ' ') {
                valueAt++;
            }
            Object value;
            if (valueAt == text.length() || text.charAt(valueAt) == '#') {
                if (valueAt < text.length() && valueAt == colon + 1) {
                    throw unsupported();
                }
                line++;
                value = nestedValue(column);
            } else {
                value = inlineValue(text, valueAt);
                line++;
                endOfNode(column);
            }
            map.put(key, value);
            if (line == lines.length || indents[line] != column || isSequenceEntry(lines[line], column)) {
                if (line < lines.length && indents[line] > column) {
                    throw unsupported();
                }
                if (line < lines.length && indents[line] > lineIndent && indents[line] < column) {
                    throw unsupported();
                }
                return map;
            }
            at = column;
        }
    }

    /** The value of a key with nothing after its colon: a nested collection, a sequence at the key's indent, or null. */
    private Object nestedValue(int keyIndent) {
        if (line == lines.length) {
            return null;
        }
        int next = indents[line];
        if (next > keyIndent) {
            return block(next);
        }
        if (next == keyIndent && isSequenceEntry(lines[line], keyIndent)) {
            return sequence(keyIndent);
        }
        return null;
    }

    /** After a one-line value, the next line must not be indented more than the node (a continuation line). */
    private void endOfNode(int indent) {
        if (line < lines.length && indents[line] > indent) {
            throw unsupported();
        }
    }

    /**
     * The index of the colon ending a mapping key that starts at {@code at}, or -1 when the line holds no key (a colon
     * followed by a space or the line's end, before any comment).
     */
    private static int keyEnd(String text, int at) {
        char first = text.charAt(at);
        if (first == '\'' || first == '"') {
            int close = closingQuote(text, at);
            if (close < 0) {
                return -1;
            }
            int colon = close + 1;
            return colon < text.length() && text.charAt(colon) == ':' && (colon + 1 == text.length()
                    || text.charAt(colon + 1) == ' ') ? colon : -1;
        }
        for (int i = at; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '#' && i > at && text.charAt(i - 1) == ' ') {
                return -1;
            }
            if (c == ':' && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) {
                return i;
            }
        }
        return -1;
    }

    /** A key: a quoted scalar, or a plain one (typed as SnakeYAML types it). */
    private Object key(String text, int at, int colon) {
        char first = text.charAt(at);
        if (first == '\'' || first == '"') {
            return quoted(text, at, closingQuote(text, at));
        }
        String plain = text.substring(at, colon).stripTrailing();
        if (plain.isEmpty() || !plainStart(plain, false)) {
            throw unsupported();
        }
        return scalar(plain);
    }

    /** A value on the key's (or dash's) line: a quoted or plain scalar, or a one-line flow collection. */
    private Object inlineValue(String text, int at) {
        char first = text.charAt(at);
        Object value;
        int end;
        if (first == '\'' || first == '"') {
            end = closingQuote(text, at);
            if (end < 0) {
                throw unsupported();
            }
            value = quoted(text, at, end);
            end++;
        } else if (first == '[' || first == '{') {
            Flow flow = new Flow(text, at);
            value = flow.value();
            end = flow.at;
        } else {
            int stop = text.length();
            int comment = text.indexOf(" #", at);
            if (comment >= 0) {
                stop = comment;
            }
            String plain = text.substring(at, stop).stripTrailing();
            if (!plainStart(plain, false) || plain.contains(": ") || plain.endsWith(":")) {
                throw unsupported();
            }
            return scalar(plain);
        }
        restIsComment(text, end);
        return value;
    }

    /** Only spaces, then nothing or a comment, may follow a quoted or flow value. */
    private static void restIsComment(String text, int from) {
        int at = from;
        while (at < text.length() && text.charAt(at) == ' ') {
            at++;
        }
        if (at < text.length() && (text.charAt(at) != '#' || at == from)) {
            throw unsupported();
        }
    }

    /** Whether a plain scalar may start this way: not with an indicator SnakeYAML gives another meaning. */
    private static boolean plainStart(String plain, boolean flow) {
        if (plain.isEmpty()) {
            return false;
        }
        char c = plain.charAt(0);
        if ("-?:".indexOf(c) >= 0) {
            // "-7", "?x" and ":x" are plain scalars; a lone indicator or one before a space is not
            if (plain.length() == 1 || plain.charAt(1) == ' ' || ",[]{}".indexOf(plain.charAt(1)) >= 0) {
                return false;
            }
        } else if (",[]{}#&*!|>'\"%@`".indexOf(c) >= 0) {
            return false;
        }
        if (flow) {
            for (int i = 0; i < plain.length(); i++) {
                if (",[]{}".indexOf(plain.charAt(i)) >= 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The index of the quote closing the quoted scalar at {@code at} on this line, or -1. */
    private static int closingQuote(String text, int at) {
        char quote = text.charAt(at);
        for (int i = at + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == '"' && c == '\\') {
                return -1;
            }
            if (c == quote) {
                if (quote == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                    i++;
                    continue;
                }
                return i;
            }
        }
        return -1;
    }

    private static String quoted(String text, int open, int close) {
        if (close < 0) {
            throw unsupported();
        }
        String inner = text.substring(open + 1, close);
        return text.charAt(open) == '\'' ? inner.replace("''", "'") : inner;
    }

    /** A plain scalar, typed as SnakeYAML's resolver and safe constructor type it (strings, ints, booleans, nulls). */
    private Object scalar(String plain) {
        Tag tag = resolver.resolve(NodeId.scalar, plain, true);
        if (Tag.STR.equals(tag)) {
            return plain;
        }
        if (Tag.NULL.equals(tag)) {
            return null;
        }
        if (Tag.BOOL.equals(tag)) {
            return switch (plain.toLowerCase(java.util.Locale.ROOT)) {
                case "yes", "true", "on" -> Boolean.TRUE;
                case "no", "false", "off" -> Boolean.FALSE;
                default -> throw unsupported();
            };
        }
        if (Tag.INT.equals(tag)) {
            return smallDecimal(plain);
        }
        throw unsupported();
    }

    /** A decimal integer of at most nine digits without a leading zero, which SnakeYAML makes an Integer. */
    private static Integer smallDecimal(String plain) {
        int at = plain.charAt(0) == '-' || plain.charAt(0) == '+' ? 1 : 0;
        String digits = plain.substring(at);
        if (digits.equals("0")) {
            return 0;
        }
        if (digits.isEmpty() || digits.length() > 9 || digits.charAt(0) == '0') {
            throw unsupported();
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                throw unsupported();
            }
        }
        return Integer.valueOf(plain.charAt(0) == '-' ? "-" + digits : digits);
    }

    /** A flow collection that opens and closes on one line: {@code [a, 'b']}, {@code {k: v}}, nested. */
    private final class Flow {
        private final String text;
        private int at;

        Flow(String text, int at) {
            this.text = text;
            this.at = at;
        }

        Object value() {
            skipSpaces();
            if (at >= text.length()) {
                throw unsupported();
            }
            char c = text.charAt(at);
            if (c == '[') {
                return list();
            }
            if (c == '{') {
                return map();
            }
            if (c == '\'' || c == '"') {
                int close = closingQuote(text, at);
                String value = quoted(text, at, close);
                at = close + 1;
                return value;
            }
            int start = at;
            while (at < text.length() && ",[]{}".indexOf(text.charAt(at)) < 0) {
                if (text.charAt(at) == ':' || (text.charAt(at) == '#' && text.charAt(at - 1) == ' ')) {
                    throw unsupported();
                }
                at++;
            }
            String plain = text.substring(start, at).strip();
            if (!plainStart(plain, true)) {
                throw unsupported();
            }
            return scalar(plain);
        }

        private List<Object> list() {
            List<Object> items = new ArrayList<>();
            at++;
            skipSpaces();
            if (peek() == ']') {
                at++;
                return items;
            }
            while (true) {
                items.add(value());
                skipSpaces();
                char c = peek();
                at++;
                if (c == ']') {
                    return items;
                }
                if (c != ',') {
                    throw unsupported();
                }
                skipSpaces();
                if (peek() == ']' || peek() == ',') {
                    throw unsupported();
                }
            }
        }

        private Map<Object, Object> map() {
            Map<Object, Object> map = new LinkedHashMap<>();
            at++;
            skipSpaces();
            if (peek() == '}') {
                at++;
                return map;
            }
            while (true) {
                Object key = key();
                if (map.containsKey(key) || "<<".equals(key)) {
                    throw unsupported();
                }
                skipSpaces();
                char next = peek();
                if (next == ',' || next == '}') {
                    throw unsupported();
                }
                map.put(key, value());
                skipSpaces();
                char c = peek();
                at++;
                if (c == '}') {
                    return map;
                }
                if (c != ',') {
                    throw unsupported();
                }
                skipSpaces();
                if (peek() == '}' || peek() == ',') {
                    throw unsupported();
                }
            }
        }

        /** A flow mapping's key, up to its colon and the space after it. */
        private Object key() {
            skipSpaces();
            Object key;
            if (peek() == '\'' || peek() == '"') {
                int close = closingQuote(text, at);
                key = quoted(text, at, close);
                at = close + 1;
                if (peek() != ':') {
                    throw unsupported();
                }
            } else {
                int start = at;
                while (at < text.length() && !(text.charAt(at) == ':' && at + 1 < text.length()
                        && text.charAt(at + 1) == ' ')) {
                    if (",[]{}#".indexOf(text.charAt(at)) >= 0) {
                        throw unsupported();
                    }
                    at++;
                }
                String plain = text.substring(start, Math.min(at, text.length())).strip();
                if (at >= text.length() || !plainStart(plain, true)) {
                    throw unsupported();
                }
                key = scalar(plain);
            }
            at++;
            if (at >= text.length() || text.charAt(at) != ' ') {
                throw unsupported();
            }
            return key;
        }

        private char peek() {
            if (at >= text.length()) {
                throw unsupported();
            }
            return text.charAt(at);
        }

        private void skipSpaces() {
            while (at < text.length() && text.charAt(at) == ' ') {
                at++;
            }
        }
    }
}
