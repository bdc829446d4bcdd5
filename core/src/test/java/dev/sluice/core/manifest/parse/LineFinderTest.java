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
}
