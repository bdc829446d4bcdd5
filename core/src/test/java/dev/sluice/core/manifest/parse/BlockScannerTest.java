package dev.sluice.core.manifest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.manifest.Macro;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockScannerTest {
    @Test
    void macrosAndTestsWithTheLinesTheyStartOn() {
        String text = String.join("\n",
                "{% macro first(a, b) %}",              // 1
                "  {{ a }}",                            // 2
                "{% endmacro %}",                       // 3
                "",                                     // 4
                "{%- macro second() -%}x{%- endmacro -%}", // 5
                "{% test positive(model, column_name) %}", // 6
                "select 1",                             // 7
                "{% endtest %}\r",                      // 8
                "{% macro third() %}{% endmacro %}");   // 9
        ProjectFile file = new ProjectFile(Path.of("/p/macros/m.sql"), "macros/m.sql", "macros", "m.sql");
        List<Macro> macros = BlockScanner.macros("p", file, text);
        assertThat(macros).extracting(Macro::name).containsExactly("first", "second", "test_positive", "third");
        assertThat(macros).extracting(Macro::line).containsExactly(1, 5, 6, 9);
        assertThat(macros.get(0).arguments()).hasSize(2);
        for (Macro macro : macros) {
            assertThat(macro.line()).isEqualTo(BlockScanner.lineOf(text, text.indexOf(macro.macroSql())));
        }
    }
}
