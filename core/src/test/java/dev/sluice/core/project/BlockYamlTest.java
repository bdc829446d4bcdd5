package dev.sluice.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sluice.core.errors.SluiceException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * {@link BlockYaml} against SnakeYAML: on every document it reads it must give what SnakeYAML gives (same maps in the
 * same order, same lists, same scalar types and values), and it must decline every document SnakeYAML rejects.
 * Documents are generated from the shapes dbt files take, with scalars chosen to hit YAML 1.1's implicit types and
 * indicators, then mutated character by character.
 */
class BlockYamlTest {
    private final Resolver resolver = YamlReader.resolver();

    private static final String[] SCALARS = {
        "name", "node_13", "a b", "a  b", "x:y", "http://a.b/c", "a#b", "a #b", "-a", "?a", ":a", "a:", "yes", "no",
        "on", "off", "Yes", "NO", "true", "False", "TRUE", "y", "n", "~", "null", "Null", "NULL", "", " ", "0", "1",
        "42", "012", "0x1F", "0o17", "0b101", "1_000", "-5", "+5", "1.5", "-1.5e3", "1e3", "1.", ".5", ".inf",
        "-.Inf", ".NaN", "1:30", "190:20:30", "2024-01-02", "2024-01-02 10:00:00", "<<", "=", "caf\u00e9",
        "ref('node_0')", "{{ doc('x') }}", "[a]", "a, b", "a]", "100%", "@x", "`x`", "!x", "&a", "*a", "|", ">",
        "#x", "' q", "say \"hi\"", "back\\slash", "9223372036854775808", "2147483648", "123456789", "1234567890",
        "- a", "-", "it's", "a: b", "unique", "not_null", "{severity: warn}", "\u2603 snow",
    };

    private static final String[] KEYS = {
        "name", "version", "models", "columns", "tests", "description", "config", "severity", "to", "field", "tags",
        "on", "yes", "1", "01", "null", "~", "a b", "x:y", "-k", "my-key", "k#1", "caf\u00e9",
    };

    @Test
    void agreesWithSnakeYamlOnGeneratedDocuments() {
        Random random = new Random(7);
        int read = 0;
        int valid = 0;
        for (int i = 0; i < 4000; i++) {
            String doc = new Generator(random).document();
            Outcome outcome = compare(doc);
            valid += outcome.snakeValid ? 1 : 0;
            read += outcome.fastRead ? 1 : 0;
        }
        // the comparison means something only if the fast reader reads most of what it is meant for
        assertTrue(read > valid / 3, "read " + read + " of " + valid + " valid documents");
    }

    @Test
    void agreesWithSnakeYamlOnMutatedDocuments() {
        Random random = new Random(11);
        String noise = " :-#'\"[]{},\n\t\r?&*!|>%@`\\x1.\u00a0\u0085\u2028";
        int read = 0;
        for (int i = 0; i < 1500; i++) {
            String doc = new Generator(random).document();
            for (int m = 0; m < 6; m++) {
                StringBuilder text = new StringBuilder(doc);
                int edits = 1 + random.nextInt(3);
                for (int e = 0; e < edits && text.length() > 0; e++) {
                    int at = random.nextInt(text.length());
                    switch (random.nextInt(3)) {
                        case 0 -> text.insert(at, noise.charAt(random.nextInt(noise.length())));
                        case 1 -> text.deleteCharAt(at);
                        default -> text.setCharAt(at, noise.charAt(random.nextInt(noise.length())));
                    }
                }
                read += compare(text.toString()).fastRead ? 1 : 0;
            }
        }
        assertTrue(read > 1000, "the fast reader read " + read + " mutated documents");
    }

    @Test
    void readsDbtSchemaFilesAndDeclinesWhatItLeavesToSnakeYaml() {
        String schema = """
                version: 2
                # a comment
                models:
                  - name: orders   # trailing comment
                    description: 'Orders, one row each'
                    config: {materialized: table, tags: x}
                    columns:
                      - name: status
                        tests:
                          - accepted_values:
                              values: ['placed', 'shipped', 1, yes]
                          - not_null
                      - name: id
                        tests: [unique, not_null]
                sources:
                - name: raw
                  tables:
                  - name: orders
                """;
        Object fast = BlockYaml.parse(schema, resolver);
        assertNotSame(BlockYaml.DECLINED, fast);
        assertSameTree(YamlReader.snakeYaml(schema, "schema.yml", resolver), fast, "schema.yml");

        for (String declined : List.of("a: |\n  text\n", "a: >\n  folded\n", "a: &x 1\nb: *x\n", "a: !!str 1\n",
                "---\na: 1\n", "a: 1\na: 2\n", "a: \"esc\\n\"\n", "a: b\n  c\n", "a:\n\tb: 1\n", "a: 1\r\n",
                "- a\n", "a: 2024-01-02\n", "<<: {a: 1}\n", "a: [1,\n  2]\n", "a: [[1]]\n", "? a\n: b\n",
                "a: b\u0085c: d\n", "a: b\u2028c: d\n")) {
            assertSame(BlockYaml.DECLINED, BlockYaml.parse(declined, resolver), declined);
        }
        assertEquals(null, BlockYaml.parse("# only a comment\n\n", resolver));

        // nesting near SnakeYAML's limit (50) is left to it; a little below is read
        StringBuilder deep = new StringBuilder();
        for (int level = 0; level < 60; level++) {
            deep.append("  ".repeat(level)).append("k").append(level).append(":\n");
        }
        assertSame(BlockYaml.DECLINED, BlockYaml.parse(deep.toString(), resolver));
        StringBuilder nested = new StringBuilder();
        for (int level = 0; level < 30; level++) {
            nested.append("  ".repeat(level)).append("k").append(level).append(":\n");
        }
        Object read = BlockYaml.parse(nested.toString(), resolver);
        assertNotSame(BlockYaml.DECLINED, read);
        assertSameTree(YamlReader.snakeYaml(nested.toString(), "deep.yml", resolver), read, "deep.yml");
    }

    @Test
    void errorsStillComeFromSnakeYamlWithTheirLines() {
        SluiceException e = org.junit.jupiter.api.Assertions.assertThrows(SluiceException.class,
                () -> YamlReader.parse("models:\n  - name: a\n   bad: indent\n", "models/schema.yml"));
        assertTrue(e.getMessage().contains("invalid YAML"), e.getMessage());
        assertEquals(3, e.location().line(), e.getMessage());
    }

    private record Outcome(boolean snakeValid, boolean fastRead) {
    }

    private Outcome compare(String doc) {
        Object snake;
        boolean valid;
        try {
            snake = YamlReader.snakeYaml(doc, "doc.yml", resolver);
            valid = true;
        } catch (SluiceException | StackOverflowError e) {
            snake = null;
            valid = false;
        }
        Object fast = BlockYaml.parse(doc, resolver);
        if (fast == BlockYaml.DECLINED) {
            return new Outcome(valid, false);
        }
        if (!valid) {
            fail("SnakeYAML rejects what the fast reader read:\n" + doc + "\nfast: " + fast);
        }
        assertSameTree(snake, fast, doc);
        return new Outcome(true, true);
    }

    /** Equal values of the same classes, maps in the same order. */
    private static void assertSameTree(Object expected, Object actual, String doc) {
        if (expected == null || actual == null) {
            assertEquals(expected, actual, doc);
            return;
        }
        assertEquals(expected.getClass(), actual.getClass(), "at " + expected + " in\n" + doc);
        if (expected instanceof Map<?, ?> e) {
            Map<?, ?> a = (Map<?, ?>) actual;
            assertEquals(e.size(), a.size(), doc);
            Iterator<? extends Map.Entry<?, ?>> ai = a.entrySet().iterator();
            for (Map.Entry<?, ?> entry : e.entrySet()) {
                Map.Entry<?, ?> other = ai.next();
                assertSameTree(entry.getKey(), other.getKey(), doc);
                assertSameTree(entry.getValue(), other.getValue(), doc);
            }
        } else if (expected instanceof List<?> e) {
            List<?> a = (List<?>) actual;
            assertEquals(e.size(), a.size(), doc);
            for (int i = 0; i < e.size(); i++) {
                assertSameTree(e.get(i), a.get(i), doc);
            }
        } else {
            assertEquals(expected, actual, doc);
        }
    }

    /** Random documents in the shapes dbt YAML takes. */
    private static final class Generator {
        private final Random random;
        private final int step;
        private final StringBuilder out = new StringBuilder();

        Generator(Random random) {
            this.random = random;
            this.step = random.nextBoolean() ? 2 : 4;
        }

        String document() {
            if (random.nextInt(8) == 0) {
                out.append("# header\n\n");
            }
            mapping(0, 0, List.of());
            return out.toString();
        }

        private void mapping(int indent, int depth, List<String> firstLine) {
            int entries = 1 + random.nextInt(4);
            List<String> used = new ArrayList<>();
            for (int i = 0; i < entries; i++) {
                String key = pick(KEYS);
                if (used.contains(key) && random.nextInt(10) != 0) {
                    continue; // a duplicate now and then
                }
                used.add(key);
                if (!(i == 0 && !firstLine.isEmpty())) {
                    out.append(" ".repeat(indent));
                }
                out.append(scalar(key, true)).append(':');
                value(indent, depth);
                if (random.nextInt(12) == 0) {
                    out.append(random.nextBoolean() ? "\n" : " ".repeat(indent) + "# note\n");
                }
            }
        }

        private void value(int indent, int depth) {
            int kind = depth > 3 ? random.nextInt(3) : random.nextInt(8);
            switch (kind) {
                case 0, 1 -> out.append(' ').append(scalar(pick(SCALARS), false)).append(comment()).append('\n');
                case 2 -> out.append(' ').append(flow()).append(comment()).append('\n');
                case 3 -> out.append(comment()).append('\n');
                case 4, 5 -> {
                    out.append(comment()).append('\n');
                    mapping(indent + step, depth + 1, List.of());
                }
                default -> {
                    out.append('\n');
                    sequence(random.nextInt(3) == 0 ? indent : indent + step, depth + 1);
                }
            }
        }

        private void sequence(int indent, int depth) {
            int items = 1 + random.nextInt(3);
            for (int i = 0; i < items; i++) {
                out.append(" ".repeat(indent)).append('-');
                int kind = depth > 3 ? random.nextInt(2) : random.nextInt(5);
                switch (kind) {
                    case 0 -> out.append(' ').append(scalar(pick(SCALARS), false)).append(comment()).append('\n');
                    case 1 -> out.append(comment()).append('\n');
                    case 2, 3 -> {
                        out.append(' ');
                        mapping(indent + 2, depth + 1, List.of("first"));
                    }
                    default -> {
                        out.append('\n');
                        mapping(indent + step, depth + 1, List.of());
                    }
                }
            }
        }

        private String flow() {
            StringBuilder flow = new StringBuilder();
            boolean map = random.nextInt(3) == 0;
            flow.append(map ? '{' : '[');
            int n = random.nextInt(4);
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    flow.append(random.nextBoolean() ? ", " : ",");
                }
                if (map) {
                    flow.append(scalar(pick(KEYS), true)).append(": ");
                }
                flow.append(scalar(pick(SCALARS), false));
            }
            return flow.append(map ? '}' : ']').toString();
        }

        private String scalar(String text, boolean key) {
            int style = random.nextInt(key ? 6 : 4);
            if (style == 1) {
                return "'" + text.replace("'", "''") + "'";
            }
            if (style == 2) {
                return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            }
            return text;
        }

        private String comment() {
            return random.nextInt(6) == 0 ? " # c" : "";
        }

        private String pick(String[] from) {
            return from[random.nextInt(from.length)];
        }
    }
}
