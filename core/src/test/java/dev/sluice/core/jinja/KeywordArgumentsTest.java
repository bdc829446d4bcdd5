package dev.sluice.core.jinja;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.project.EnvVars;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keyword arguments whose values are operator expressions reach the call, in templates and in macro files. */
class KeywordArgumentsTest {
    private final JinjaEngine engine = new JinjaEngine();

    private String render(String template, List<MacroSource> macroFiles) {
        MacroLibrary macros = engine.parseMacros("proj", macroFiles);
        Map<String, Object> context = new java.util.LinkedHashMap<>(ContextFunctions.base(
                name -> name.equals("x") ? "abc" : ContextFunctions.MISSING, new EnvVars(Map.of()), text -> { },
                "model proj.m"));
        return engine.render(template, context, macros, "proj", "models/m.sql", new RenderSession());
    }

    @Test
    void anOperatorExpressionAsAKeywordValueIsPassed() {
        List<MacroSource> files = List.of(new MacroSource("proj", "macros/m.sql", """
                {% macro show(a='-', b='-') %}{{ a }}|{{ b }}{% endmacro %}
                {% macro outer() %}{{ show(b='in' ~ 'side', a=1 + 2) }}{% endmacro %}
                """));
        assertThat(render("{{ show(a='top_' ~ var('x')) }}", files)).isEqualTo("top_abc|-");
        assertThat(render("{{ show(a = 2 * 3, b=[1, 2] | length) }}", files)).isEqualTo("6|2");
        assertThat(render("{{ show(b='x' if 1 == 1 else 'y') }}", files)).isEqualTo("-|x");
        assertThat(render("{% set s = show(a=(1 + 1), b={'k': 'v' ~ 1}['k']) %}{{ s }}", files)).isEqualTo("2|v1");
        assertThat(render("{{ outer() }}", files)).isEqualTo("3|inside");
    }

    @Test
    void leavesTextStringsComparisonsDefinitionsAndRawBlocksAlone() {
        assertThat(KeywordArguments.rewrite("select a=b from t where f(x=1)")).isEqualTo("select a=b from t where f(x=1)");
        assertThat(KeywordArguments.rewrite("{{ f(a == b, c != d, e <= g) }}")).isEqualTo("{{ f(a == b, c != d, e <= g) }}");
        assertThat(KeywordArguments.rewrite("{{ f('x=1', k=v ~ 'a)') }}")).isEqualTo("{{ f('x=1', k=(v ~ 'a)')) }}");
        assertThat(KeywordArguments.rewrite("{% macro m(a, b='x' ~ 'y') %}{% endmacro %}"))
                .isEqualTo("{% macro m(a, b='x' ~ 'y') %}{% endmacro %}");
        assertThat(KeywordArguments.rewrite("{% raw %}{{ f(a=1 + 2) }}{% endraw %}{{ f(a=1 + 2) }}"))
                .isEqualTo("{% raw %}{{ f(a=1 + 2) }}{% endraw %}{{ f(a=(1 + 2)) }}");
        assertThat(KeywordArguments.rewrite("{% if (a) and g(k=1) %}")).isEqualTo("{% if (a) and g(k=(1)) %}");
        assertThat(KeywordArguments.rewrite("{{ f(k=(1 + 2) }}")).isEqualTo("{{ f(k=(1 + 2) }}"); // unbalanced
    }
}
