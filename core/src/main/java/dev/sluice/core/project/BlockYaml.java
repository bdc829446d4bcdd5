package dev.sluice.core.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A fast reader for the plain shape nearly every dbt YAML file has, giving exactly what SnakeYAML gives for it, and
 * declining everything else (then {@link YamlReader} asks SnakeYAML, which also reports any error).
 *
 * <p>Why: a project's schema files are read once each, small and many; SnakeYAML spent about 50 microseconds on each
 * 250-byte file of the 20,000-model benchmark (tokens, events, marks and a node tree, each an object), the largest
 * part of a cold parse. This reader walks the lines once and builds the maps and lists directly.
 *
 * <p>The shape it reads: a top-level block mapping; block mappings and sequences nested by spaces (a sequence may sit
 * at its key's indentation, as dbt's examples write it); keys and values that are plain one-line scalars, single- or
 * double-quoted one-line scalars (double-quoted without escapes), or one-line flow sequences and mappings of such
 * scalars; comments and blank lines. Anything else is declined: tabs, carriage returns, documents markers and
 * directives, anchors, aliases, tags, block scalars ({@code |}, {@code >}), multi-line scalars and flows, complex keys,
 * duplicate keys, and any scalar SnakeYAML would type as other than a string, null, boolean, integer or float.
 * Plain scalars are typed by the same resolver and constructed by SnakeYAML's own constructors.
 * {@code BlockYamlTest} compares the two readers on many generated and mutated documents.
 */
final class BlockYaml {
    /** What {@link #parse} returns for a document outside the shape it reads. */
    static final Object DECLINED = new Object();

    /** Thrown inside the reader to decline; never escapes it. */
    private static final class Decline extends RuntimeException {
        private static final Decline INSTANCE = new Decline();

        private Decline() {
            super(null, null, false, false);
        }
    }

    private final String text;
    private final PlainScalars scalars;
    /** Significant lines (neither blank nor comment only): start of content, end (before the line break), indent. */
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private int[] indents = new int[64];
    private int count;
    private int line;

    private BlockYaml(String text, Resolver resolver) {
        this.text = text;
        this.scalars = new PlainScalars(resolver);
    }

    /** The document as SnakeYAML's safe loader would give it, or {@link #DECLINED}. */
    static Object parse(String text, Resolver resolver) {
        try {
            return new BlockYaml(text, resolver).document();
        } catch (Decline declined) {
            return DECLINED;
        }
    }

    private static Decline decline() {
        return Decline.INSTANCE;
    }

    private Object document() {
        splitLines();
        if (count == 0) {
            return null; // blank or comments only: SnakeYAML gives null too
        }
        if (indents[0] != 0 || isSequenceEntry(0)) {
            throw decline();
        }
        Object value = mapping(0);
        if (line != count) {
            throw decline();
        }
        return value;
    }

    private void splitLines() {
        int length = text.length();
        int pos = 0;
        while (pos < length) {
            int end = pos;
            int indent = -1;
            boolean blank = true;
            while (end < length) {
                char c = text.charAt(end);
                if (c == '\n') {
                    break;
                }
                if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0x2028 || c == 0x2029 || c >= 0xD800) {
                    // tab, carriage return, control characters, YAML 1.1's other line breaks (NEL, LS, PS),
                    // surrogates, BOM and beyond
                    throw decline();
                }
                if (blank && c != ' ') {
                    blank = false;
                    indent = end - pos;
                }
                end++;
            }
            if (!blank && text.charAt(pos + indent) != '#') {
                if (indent == 0 && (text.startsWith("---", pos) || text.startsWith("...", pos)
                        || text.charAt(pos) == '%')) {
                    throw decline();
                }
                add(pos + indent, end, indent);
            }
            pos = end + 1;
        }
    }

    private void add(int start, int end, int indent) {
        if (count == starts.length) {
            starts = java.util.Arrays.copyOf(starts, count * 2);
            ends = java.util.Arrays.copyOf(ends, count * 2);
            indents = java.util.Arrays.copyOf(indents, count * 2);
        }
        starts[count] = start;
        ends[count] = end;
        indents[count] = indent;
        count++;
    }

    private boolean isSequenceEntry(int at) {
        int start = starts[at];
        return text.charAt(start) == '-' && (start + 1 == ends[at] || text.charAt(start + 1) == ' ');
    }

    /**
     * SnakeYAML refuses collections nested deeper than its limit (50 by default); anything near it is left to SnakeYAML
     * so that it refuses it as it always has.
     */
    private static final int MAX_DEPTH = 40;
    private int depth;

    private void deeper() {
        if (++depth > MAX_DEPTH) {
            throw decline();
        }
    }

    /** A block mapping whose keys start at column {@code indent}, from the current line on. */
    private Map<Object, Object> mapping(int indent) {
        deeper();
        Map<Object, Object> map = new LinkedHashMap<>();
        while (line < count && indents[line] == indent && !isSequenceEntry(line)) {
            entry(map, indent, starts[line]);
        }
        if (line < count && indents[line] > indent) {
            throw decline(); // deeper than the mapping yet in no nested block
        }
        depth--;
        return map;
    }

    /**
     * One {@code key: value} entry of a mapping at column {@code indent}, whose key starts at {@code from} on the
     * current line (past a sequence dash for a mapping that starts on a sequence entry's line).
     */
    private void entry(Map<Object, Object> map, int indent, int from) {
        int end = ends[line];
        int[] scanned = new int[1];
        Object key = scalarKey(from, end, scanned);
        int colon = scanned[0]; // at ':'
        if (map.containsKey(key)) {
            throw decline(); // SnakeYAML reports duplicate keys
        }
        int valueStart = skipSpaces(colon + 1, end);
        line++;
        if (valueStart == end || text.charAt(valueStart) == '#') {
            map.put(key, nested(indent, true));
        } else {
            map.put(key, inlineValue(valueStart, end));
            noDeeperLine(indent);
        }
    }

    /** A key up to its ':' (followed by a space or the line's end); scanned[0] is the colon's position. */
    private Object scalarKey(int from, int end, int[] scanned) {
        char first = text.charAt(from);
        if (first == '\'' || first == '"') {
            int close = quotedEnd(from, end);
            if (close >= end || text.charAt(close) != ':' || (close + 1 < end && text.charAt(close + 1) != ' ')) {
                throw decline();
            }
            scanned[0] = close;
            return quoted(from, close);
        }
        checkPlainStart(from, end);
        for (int i = from; i < end; i++) {
            char c = text.charAt(i);
            if (c == ':' && (i + 1 == end || text.charAt(i + 1) == ' ')) {
                scanned[0] = i;
                return plain(from, trimEnd(from, i));
            }
            if (c == '#' && text.charAt(i - 1) == ' ') {
                throw decline(); // a comment before any ':': not a mapping entry
            }
        }
        throw decline();
    }

    /** The value of a key or dash with nothing after it on its line: a nested block, or null. */
    private Object nested(int indent, boolean mayBeIndentless) {
        if (line == count) {
            return null;
        }
        int next = indents[line];
        if (next > indent) {
            return block(next);
        }
        if (next == indent && mayBeIndentless && isSequenceEntry(line)) {
            return sequence(indent);
        }
        return null;
    }

    private Object block(int indent) {
        return isSequenceEntry(line) ? sequence(indent) : mapping(indent);
    }

    /** A block sequence whose dashes stand at column {@code indent}. */
    private List<Object> sequence(int indent) {
        deeper();
        List<Object> items = new ArrayList<>();
        while (line < count && indents[line] == indent && isSequenceEntry(line)) {
            int end = ends[line];
            int content = skipSpaces(starts[line] + 1, end);
            if (content == end || text.charAt(content) == '#') {
                line++;
                items.add(nested(indent, false));
                continue;
            }
            char first = text.charAt(content);
            if (first == '-' && (content + 1 == end || text.charAt(content + 1) == ' ')) {
                throw decline(); // a sequence on a dash's line
            }
            if (startsEntry(content, end)) {
                int column = content - (starts[line] - indents[line]);
                deeper();
                Map<Object, Object> map = new LinkedHashMap<>();
                entry(map, column, content);
                // the mapping's other keys stand below its first
                while (line < count && indents[line] == column && !isSequenceEntry(line)) {
                    entry(map, column, starts[line]);
                }
                if (line < count && indents[line] > column) {
                    throw decline();
                }
                depth--;
                items.add(map);
            } else {
                line++;
                items.add(inlineValue(content, end));
                noDeeperLine(indent);
            }
        }
        if (line < count && indents[line] > indent) {
            throw decline();
        }
        depth--;
        return items;
    }

    /** Whether the content from {@code from} is a {@code key: ...} entry (so the dash starts a mapping). */
    private boolean startsEntry(int from, int end) {
        char first = text.charAt(from);
        if (first == '\'' || first == '"') {
            int close = quotedEnd(from, end);
            return close < end && text.charAt(close) == ':' && (close + 1 == end || text.charAt(close + 1) == ' ');
        }
        if (first == '[' || first == '{') {
            return false;
        }
        for (int i = from; i < end; i++) {
            char c = text.charAt(i);
            if (c == ':' && (i + 1 == end || text.charAt(i + 1) == ' ')) {
                return true;
            }
            if (c == '#' && i > from && text.charAt(i - 1) == ' ') {
                return false;
            }
        }
        return false;
    }

    /** After a one-line value, a deeper line would continue it (a multi-line scalar) or be an error. */
    private void noDeeperLine(int indent) {
        if (line < count && indents[line] > indent) {
            throw decline();
        }
    }

    /** A value on the rest of a line: a scalar or a one-line flow collection, then at most a comment. */
    private Object inlineValue(int from, int end) {
        char first = text.charAt(from);
        if (first == '[' || first == '{') {
            int[] at = {from};
            Object value = flow(at, end);
            afterValue(at[0], end);
            return value;
        }
        if (first == '\'' || first == '"') {
            int close = quotedEnd(from, end);
            afterValue(close, end);
            return quoted(from, close);
        }
        checkPlainStart(from, end);
        int stop = end;
        for (int i = from; i < end; i++) {
            char c = text.charAt(i);
            if (c == ':' && (i + 1 == end || text.charAt(i + 1) == ' ')) {
                throw decline(); // "a: b: c" is an error in SnakeYAML
            }
            if (c == '#' && text.charAt(i - 1) == ' ') {
                stop = i;
                break;
            }
        }
        return plain(from, trimEnd(from, stop));
    }

    /** Only spaces, then optionally a comment, may follow a value that ends at {@code pos}. */
    private void afterValue(int pos, int end) {
        int next = skipSpaces(pos, end);
        if (next < end && (text.charAt(next) != '#' || next == pos)) {
            throw decline();
        }
    }

    /** A one-line flow sequence or mapping of scalars at at[0]; at[0] ends past its closing bracket. */
    private Object flow(int[] at, int end) {
        char open = text.charAt(at[0]);
        char close = open == '[' ? ']' : '}';
        List<Object> items = open == '[' ? new ArrayList<>() : null;
        Map<Object, Object> map = open == '{' ? new LinkedHashMap<>() : null;
        int pos = skipSpaces(at[0] + 1, end);
        if (pos < end && text.charAt(pos) == close) {
            at[0] = pos + 1;
            return items != null ? items : map;
        }
        while (true) {
            int[] next = {pos};
            Object first = flowScalar(next, end, map != null);
            pos = skipSpaces(next[0], end);
            if (map != null) {
                if (pos >= end || text.charAt(pos) != ':' || map.containsKey(first)) {
                    throw decline();
                }
                pos = skipSpaces(pos + 1, end);
                next[0] = pos;
                Object value = flowScalar(next, end, false);
                map.put(first, value);
                pos = skipSpaces(next[0], end);
            } else {
                items.add(first);
            }
            if (pos >= end) {
                throw decline(); // continues on the next line
            }
            char c = text.charAt(pos);
            if (c == close) {
                at[0] = pos + 1;
                return items != null ? items : map;
            }
            if (c != ',') {
                throw decline();
            }
            pos = skipSpaces(pos + 1, end);
            if (pos >= end || text.charAt(pos) == close) {
                throw decline(); // a trailing comma or a line break
            }
        }
    }

    /** A scalar inside a flow collection: quoted, or plain up to {@code , ] }} or ': '. */
    private Object flowScalar(int[] at, int end, boolean isKey) {
        int from = at[0];
        if (from >= end) {
            throw decline();
        }
        char first = text.charAt(from);
        if (first == '\'' || first == '"') {
            int close = quotedEnd(from, end);
            at[0] = close;
            return quoted(from, close);
        }
        checkPlainStart(from, end);
        if (first == '?' || first == ':') {
            throw decline(); // in a flow, these are the key and value indicators whatever follows
        }
        int i = from;
        for (; i < end; i++) {
            char c = text.charAt(i);
            if (c == ',' || c == ']' || c == '}' || c == '[' || c == '{' || c == '#' || c == '\'' || c == '"') {
                break;
            }
            if (c == '?') {
                throw decline(); // ends a plain scalar in a flow
            }
            if (c == ':' && (i + 1 == end || text.charAt(i + 1) == ' ' || isFlowIndicator(text.charAt(i + 1)))) {
                if (!isKey) {
                    throw decline();
                }
                break;
            }
        }
        if (i < end && (text.charAt(i) == '[' || text.charAt(i) == '{' || text.charAt(i) == '#'
                || text.charAt(i) == '\'' || text.charAt(i) == '"')) {
            throw decline(); // nested flows, comments and quotes inside a flow: left to SnakeYAML
        }
        at[0] = i;
        return plain(from, trimEnd(from, i));
    }

    private static boolean isFlowIndicator(char c) {
        return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
    }

    /** A plain scalar may not start with an indicator ({@code -?:} only before a space or the line's end). */
    private void checkPlainStart(int from, int end) {
        char c = text.charAt(from);
        switch (c) {
            case ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`' -> throw decline();
            case '-', '?', ':' -> {
                if (from + 1 == end || text.charAt(from + 1) == ' ') {
                    throw decline();
                }
            }
            default -> {
            }
        }
    }

    /**
     * Where a quoted scalar starting at {@code from} ends: just past its closing quote, on this line. A double-quoted
     * scalar with a backslash (an escape) is declined.
     */
    private int quotedEnd(int from, int end) {
        char quote = text.charAt(from);
        for (int i = from + 1; i < end; i++) {
            char c = text.charAt(i);
            if (quote == '"' && c == '\\') {
                throw decline();
            }
            if (c == quote) {
                if (quote == '\'' && i + 1 < end && text.charAt(i + 1) == '\'') {
                    i++; // '' is an escaped quote
                    continue;
                }
                return i + 1;
            }
        }
        throw decline(); // continues on the next line
    }

    /** The text of the quoted scalar from {@code from} to just past its closing quote. */
    private String quoted(int from, int afterClose) {
        String inner = text.substring(from + 1, afterClose - 1);
        return text.charAt(from) == '\'' && inner.indexOf('\'') >= 0 ? inner.replace("''", "'") : inner;
    }

    private int trimEnd(int from, int to) {
        while (to > from && text.charAt(to - 1) == ' ') {
            to--;
        }
        return to;
    }

    private int skipSpaces(int pos, int end) {
        while (pos < end && text.charAt(pos) == ' ') {
            pos++;
        }
        return pos;
    }

    /** The plain scalar from {@code from} to {@code to}, typed as SnakeYAML types it. */
    private Object plain(int from, int to) {
        Object value = scalars.typed(text.substring(from, to));
        if (value == PlainScalars.UNTYPED) {
            throw decline(); // timestamps, merge keys, ...: SnakeYAML's own way
        }
        return value;
    }
}
