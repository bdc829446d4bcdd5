package dev.sluice.core.manifest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineFinderTest {
    private static final String YAML = String.join("\n",
            "version: 2",                               // 1
            "models:",                                  // 2
            "  - name: orders_v2",                      // 3
            "    description: \"orders, not orders_v2\"", // 4
            "  - name: orders  # the plain one",        // 5
            "    columns:",                             // 6
            "      - name: 'id'",                       // 7
            "      - name: \"id\"",                     // 8
            "        description: the name: id",        // 9
            "      - name:   amount   ",                // 10
            "  - name: orders");                         // 11

    @Test
    void findsTheFirstLineWhoseNameIsExactlyTheName() {
        SchemaYamlParser.LineFinder lines = new SchemaYamlParser.LineFinder(YAML);
        assertThat(lines.lineOfName("orders")).isEqualTo(5);
        assertThat(lines.lineOfName("orders_v2")).isEqualTo(3);
        assertThat(lines.lineOfName("id")).isEqualTo(7);
        assertThat(lines.lineOfName("amount")).isEqualTo(10);
        assertThat(lines.lineOfName("orders")).isEqualTo(5);
        assertThat(lines.lineOfName("missing")).isZero();
        assertThat(lines.lineOfName("order")).isZero();
    }

    @Test
    void windowsLineEndsAndTheLastLineWithoutNewline() {
        SchemaYamlParser.LineFinder lines = new SchemaYamlParser.LineFinder("models:\r\n  - name: a\r\n  - name: b");
        assertThat(lines.lineOfName("a")).isEqualTo(2);
        assertThat(lines.lineOfName("b")).isEqualTo(3);
    }

    @Test
    void aNameThatIsARegexOrEmptyIsTakenLiterally() {
        SchemaYamlParser.LineFinder lines = new SchemaYamlParser.LineFinder("- name: a.b\n- name: a+b\n- name: ''\n");
        assertThat(lines.lineOfName("a+b")).isEqualTo(2);
        assertThat(lines.lineOfName("a.b")).isEqualTo(1);
        assertThat(lines.lineOfName("")).isEqualTo(3);
    }

    @Test
    void theHandMatcherAgreesWithTheRegularExpressionItReplaces() {
        java.util.List<String> names = java.util.List.of("id", "a.b", "", "'q", "q'", "x y", "name", "#", "-");
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (String name : names) {
            for (String prefix : new String[] {"", "  ", "- ", "  -  ", "\t-", "-", " - - "}) {
                for (String key : new String[] {"name:", "name :", "name:\t", "nam:", "names:", "Name:"}) {
                    for (String quote : new String[] {"", "'", "\"", "''"}) {
                        for (String tail : new String[] {"", " ", "  # note", "#", " x", "\r", "'", "' # c"}) {
                            lines.add(prefix + key + " " + quote + name + tail);
                            lines.add(prefix + key + quote + name + quote + tail);
                        }
                    }
                }
            }
        }
        int matched = 0;
        for (String name : names) {
            java.util.regex.Pattern regex = java.util.regex.Pattern.compile("^\\s*-?\\s*name\\s*:\\s*['\"]?"
                    + java.util.regex.Pattern.quote(name) + "['\"]?\\s*(#.*)?$");
            for (String line : lines) {
                // one deliberate difference: the expression's '.' stops at the \\r of a Windows line, so it missed a
                // commented name line there; the matcher finds it (asserted below)
                boolean commentBeforeCr = line.indexOf('#') >= 0 && line.endsWith("\r");
                boolean expected = regex.matcher(line).matches()
                        || commentBeforeCr && regex.matcher(line.substring(0, line.length() - 1)).matches();
                assertThat(SchemaYamlParser.LineFinder.isNameLine(line, name)).as("%s in [%s]", name, line.replace("\t", "<TAB>").replace("\r", "<CR>").replace("\u000B", "<VT>"))
                        .isEqualTo(expected);
                matched += expected ? 1 : 0;
            }
        }
        assertThat(matched).as("some lines match").isGreaterThan(100);
        assertThat(new SchemaYamlParser.LineFinder("models:\r\n  - name: a  # the a\r\n").lineOfName("a")).isEqualTo(2);
    }
}
