package dev.sluice.core.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * SimpleYaml against SnakeYAML as the oracle: whatever SimpleYaml reads, it reads exactly as SnakeYAML's safe loader
 * does (same classes, same order, same types); what it does not read, or what SnakeYAML rejects, it leaves alone.
 */
class SimpleYamlTest {
    private static final Object SNAKE_FAILED = new Object();
    private final Resolver resolver = YamlReader.resolver();

    private static Object snake(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try {
            return new Yaml(new SafeConstructor(options)).load(text);
        } catch (RuntimeException e) {
            return SNAKE_FAILED;
        }
    }

    /** True when SimpleYaml read the text; then its value is SnakeYAML's. */
    private boolean agrees(String text) {
        Object simple = SimpleYaml.parse(text, resolver);
        if (simple == SimpleYaml.UNSUPPORTED) {
            return false;
        }
        Object expected = snake(text);
        assertThat(expected).as("SnakeYAML rejects what SimpleYaml read:\n" + text).isNotSameAs(SNAKE_FAILED);
        assertSame(simple, expected, text);
        return true;
    }

    private static void assertSame(Object actual, Object expected, String text) {
        if (expected == null) {
            assertThat(actual).as(text).isNull();
            return;
        }
        assertThat(actual).as(text).isNotNull();
        assertThat(actual.getClass()).as(text).isEqualTo(expected.getClass());
        if (expected instanceof Map<?, ?> map) {
            Map<?, ?> other = (Map<?, ?>) actual;
            assertThat(new ArrayList<>(other.keySet())).as(text).isEqualTo(new ArrayList<>(map.keySet()));
            Iterator<?> keys = other.keySet().iterator();
            for (Object key : map.keySet()) {
                Object otherKey = keys.next();
                if (key != null) {
                    assertThat(otherKey.getClass()).as(text).isEqualTo(key.getClass());
                }
                assertSame(other.get(otherKey), map.get(key), text);
            }
        } else if (expected instanceof List<?> list) {
            List<?> other = (List<?>) actual;
            assertThat(other).as(text).hasSameSizeAs(list);
            for (int i = 0; i < list.size(); i++) {
                assertSame(other.get(i), list.get(i), text);
            }
        } else {
            assertThat(actual).as(text).isEqualTo(expected);
        }
    }

    @Test
    void readsTheUsualSchemaFileAsSnakeYamlDoes() {
        String schema = """
                version: 2

                models:
                  - name: orders   # the orders
                    description: 'Orders, one row per order: it''s "final"'
                    config:
                      materialized: table
                      tags: [nightly, "finance"]
                      meta: {owner: data, tier: 1, pii: no}
                    columns:
                      - name: id
                        tests:
                          - unique:
                              config:
                                severity: warn
                          - not_null
                          - relationships:
                              to: ref('customers')
                              field: id
                      - name: status
                        tests:
                        - accepted_values:
                            values: ['placed', 'shipped', ~, 42, -7, true]
                      - name: empty
                sources:
                - name: raw
                  tables:
                  - name: events
                    quoting:
                      identifier: true
                """;
        assertThat(agrees(schema)).isTrue();
        assertThat(agrees(schema.replace("\n", "\r\n"))).isTrue();
    }

    @Test
    void leavesWhatItDoesNotReadToSnakeYaml() {
        for (String text : List.of("a: |\n  text\n", "a: >\n  text\n", "a: &x 1\nb: *x\n", "a: !!str 1\n",
                "a: 1.5\n", "a: 2024-01-02\n", "a: 1\na: 2\n", "---\na: 1\n", "a:\n\tb: 1\n", "a: \"x\\ty\"\n",
                "a: b\n  c\n", "a: [x,\n  y]\n", "<<: {a: 1}\n", "a: 0x1F\n", "a: 007\n", "a: 1_000\n",
                "a: 12345678901\n", "", "# only a comment\n", "just text\n", "a: b: c\n", "- - a\n", "-\n  a: 1\n",
                "a: [x, ]\n", "a: {b}\n", "a: 'x'y\n", "? a\n: b\n", "a: @x\n", "a: `x`\n", "a:\n - b\n c: d\n")) {
            assertThat(SimpleYaml.parse(text, resolver)).as(text).isSameAs(SimpleYaml.UNSUPPORTED);
        }
    }

    @Test
    void everyYamlFileOfTheExampleAndTestProjectsReadsAlike() throws IOException {
        List<Path> roots = List.of(Path.of("../examples"), Path.of("../testkit/src/main/resources/projects"));
        int read = 0;
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".yml")).toList()) {
                    if (agrees(Files.readString(file))) {
                        read++;
                    }
                }
            }
        }
        assertThat(read).isGreaterThan(5);
    }

    private static final String[] SCALARS = {"x", "node_5", "ref('a')", "yes", "No", "ON", "off", "true", "FALSE",
        "y", "n", "1", "-3", "+4", "007", "0", "-0", "1_000", "0x1F", "0b11", "1.5", ".5", "1e3", "2024-01-01",
        "12:30:00", "~", "null", "Null", "''", "'it''s'", "'a: b'", "'#x'", "\"dq\"", "\"a\\\\b\"", "\"\"", "a b",
        "a #b", "a: b", "a:b", "http://x.y/z?q=1", "-x", "- x", "?x", ":x", "[a, b]", "[a, 'b c', [1, 2]]",
        "{a: 1, b: [x]}", "{}", "[]", "[a,]", "'a' # c", "x # comment", "!tag x", "&a x", "*a", "|", "> x", "%x",
        "@x", "`x", "{{ var('x') }}", "12345678901", "123456789", "-123456789", "é ünï ✓", "a,b", "a]b", "<<", "=",
        "a'b", "a\"b", "  spaced  ", ".inf", "NaN", "0o17", "+", "-", "[ a , b ]", "{ a: 1 }", "{'k': 'v'}",
        "[a: b]", "{a: }", "{: a}"};
    private static final String[] KEYS = {"name", "columns", "tests", "description", "a", "b c", "1", "yes", "null",
        "~", "x_y", "'quoted key'", "\"dq key\"", "key-with-dash", "k:v", "-k", "+k", "2", "on", "k #", "é"};

    @Test
    void randomDocumentsReadAlikeOrAreLeftToSnakeYaml() {
        Random random = new Random(20261126L);
        int read = 0;
        int documents = 6000;
        for (int i = 0; i < documents; i++) {
            StringBuilder text = new StringBuilder();
            int indent = 1 + random.nextInt(4);
            if (random.nextBoolean()) {
                mapping(random, text, 0, indent, 0);
            } else {
                sequence(random, text, 0, indent, 0);
            }
            String document = text.toString();
            if (random.nextInt(5) == 0) {
                document = mutate(random, document);
            }
            if (random.nextInt(10) == 0) {
                document = document.replace("\n", "\r\n");
            }
            if (agrees(document)) {
                read++;
            } else {
                // what SimpleYaml leaves, SnakeYAML must still be able to judge; nothing to compare
                snake(document);
            }
        }
        assertThat(read).as("documents read by SimpleYaml").isGreaterThan(documents / 8);
    }

    private static String pad(int n) {
        return " ".repeat(n);
    }

    private static void mapping(Random random, StringBuilder out, int at, int indent, int depth) {
        int entries = 1 + random.nextInt(4);
        for (int i = 0; i < entries; i++) {
            if (random.nextInt(8) == 0) {
                out.append(pad(random.nextInt(at + 3))).append("# note\n");
            }
            if (random.nextInt(10) == 0) {
                out.append('\n');
            }
            String key = KEYS[random.nextInt(KEYS.length)];
            out.append(pad(at)).append(key).append(':');
            entryValue(random, out, at, indent, depth);
        }
    }

    private static void entryValue(Random random, StringBuilder out, int at, int indent, int depth) {
        int kind = depth >= 3 ? 0 : random.nextInt(4);
        if (kind == 0) {
            out.append(' ').append(SCALARS[random.nextInt(SCALARS.length)]);
            if (random.nextInt(6) == 0) {
                out.append(" # c");
            }
            if (random.nextInt(8) == 0) {
                out.append("  ");
            }
            out.append('\n');
        } else if (kind == 1) {
            out.append(random.nextInt(6) == 0 ? "   # nothing\n" : "\n");
        } else if (kind == 2) {
            out.append('\n');
            mapping(random, out, at + indent, indent, depth + 1);
        } else {
            out.append('\n');
            // sequences sit indented or at the key's own indent (dbt's usual style)
            sequence(random, out, random.nextBoolean() ? at : at + indent, indent, depth + 1);
        }
    }

    private static void sequence(Random random, StringBuilder out, int at, int indent, int depth) {
        int items = 1 + random.nextInt(4);
        for (int i = 0; i < items; i++) {
            int kind = depth >= 3 ? 0 : random.nextInt(3);
            int gap = 1 + (random.nextInt(6) == 0 ? 1 : 0);
            out.append(pad(at)).append('-').append(pad(gap));
            if (kind == 0) {
                out.append(SCALARS[random.nextInt(SCALARS.length)]).append('\n');
            } else {
                // a mapping whose first key follows the dash
                int column = at + 1 + gap;
                int entries = 1 + random.nextInt(3);
                for (int e = 0; e < entries; e++) {
                    if (e > 0) {
                        out.append(pad(column));
                    }
                    out.append(KEYS[random.nextInt(KEYS.length)]).append(':');
                    entryValue(random, out, column, indent, depth + 1);
                }
            }
        }
    }

    /** Breaks the document a little: a character dropped or doubled, a line indented differently or repeated. */
    private static String mutate(Random random, String document) {
        if (document.isEmpty()) {
            return document;
        }
        List<String> lines = new ArrayList<>(List.of(document.split("\n", -1)));
        int line = random.nextInt(lines.size());
        String text = lines.get(line);
        switch (random.nextInt(4)) {
            case 0 -> {
                if (!text.isEmpty()) {
                    int at = random.nextInt(text.length());
                    lines.set(line, text.substring(0, at) + text.substring(at + 1));
                }
            }
            case 1 -> lines.set(line, " " + text);
            case 2 -> lines.add(line, text);
            default -> {
                if (!text.isEmpty()) {
                    int at = random.nextInt(text.length());
                    lines.set(line, text.substring(0, at) + text.charAt(at) + text.substring(at));
                }
            }
        }
        return String.join("\n", lines);
    }
}
