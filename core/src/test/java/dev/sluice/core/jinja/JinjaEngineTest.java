package dev.sluice.core.jinja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.project.EnvVars;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JinjaEngineTest {
    private final JinjaEngine engine = new JinjaEngine();
    private final List<String> logs = new ArrayList<>();

    private String render(String template, List<MacroSource> macroFiles) {
        MacroLibrary macros = engine.parseMacros("proj", macroFiles);
        Map<String, Object> context = new java.util.LinkedHashMap<>(ContextFunctions.base(
                name -> name.equals("x") ? 42 : ContextFunctions.MISSING,
                new EnvVars(Map.of("HOME_DIR", "/home/a")), logs::add, "model proj.m"));
        return engine.render(template, context, macros, "proj", "models/m.sql", new RenderSession());
    }

    @Test
    void aSetUpPreparedAheadServesOneEngineAndTheNextBuildsItsOwn() {
        JinjaEngine.prepareAhead();
        JinjaEngine first = new JinjaEngine();
        JinjaEngine second = new JinjaEngine();
        assertThat(first.renderPlain("{{ 1 + 2 }}", Map.of(), "a.yml")).isEqualTo("3");
        assertThat(second.renderPlain("{{ 'x' | upper }}", Map.of(), "b.yml")).isEqualTo("X");
        assertThat(first.globalContext()).isNotSameAs(second.globalContext());
        assertThat(first.globalContext()).isSameAs(first.globalContext());
    }

    @Test
    void callsContextFunctionsWithKeywordArguments() {
        assertThat(render("{{ var('x') }} {{ var('y', default='d') }} {{ env_var('HOME_DIR') }}", List.of()))
                .isEqualTo("42 d /home/a");
    }

    @Test
    void macrosReturnAnyValueAndStopSideEffectsAfterReturn() {
        String macros = """
                {% macro pick(n) %}
                  {% if n > 1 %}{{ return([n, n * 2]) }}{% endif %}
                  {{ log('after return ' ~ n) }}
                  {{ return('small') }}
                {% endmacro %}
                """;
        String out = render("{% set v = pick(3) %}{{ v[1] }}|{{ pick(1) }}", List.of(new MacroSource("proj", "macros/m.sql", macros)));
        assertThat(out).isEqualTo("6|small");
        assertThat(logs).containsExactly("after return 1");
    }

    @Test
    void packageMacrosAreNamespacedAndRootOverrides() {
        List<MacroSource> files = List.of(
                new MacroSource("pkg", "pkg/macros/a.sql", "{% macro greet() %}pkg{% endmacro %}"),
                new MacroSource("proj", "macros/a.sql", "{% macro greet() %}root{% endmacro %}"));
        assertThat(render("{{ greet() }} {{ pkg.greet() }}", files)).isEqualTo("root pkg");
    }

    @Test
    void testBlocksBecomeTestMacros() {
        List<MacroSource> files = List.of(new MacroSource("proj", "macros/t.sql",
                "{% test is_even(model, column_name) %}select * from {{ model }} where {{ column_name }} % 2 = 1{% endtest %}"));
        assertThat(render("{{ test_is_even('t', 'c') }}", files)).isEqualTo("select * from t where c % 2 = 1");
    }

    @Test
    void raiseCompilerErrorStopsTheRenderWithTheMessage() {
        assertThatThrownBy(() -> render("a\n{{ exceptions.raise_compiler_error('bad thing') }}", List.of()))
                .isInstanceOf(SluiceException.class)
                .hasMessageContaining("bad thing")
                .satisfies(e -> assertThat(((SluiceException) e).location().file()).isEqualTo("models/m.sql"));
    }

    @Test
    void syntaxErrorsNameTheLine() {
        assertThatThrownBy(() -> render("select 1\n{% if true %}\nselect 2\n", List.of()))
                .isInstanceOf(SluiceException.class)
                .satisfies(e -> {
                    SluiceException error = (SluiceException) e;
                    assertThat(error.code()).isEqualTo(ErrorCode.JINJA_SYNTAX);
                    assertThat(error.location().line()).isGreaterThan(0);
                });
    }

    @Test
    void missingRequiredVarIsAnError() {
        assertThatThrownBy(() -> render("{{ var('nope') }}", List.of()))
                .isInstanceOf(SluiceException.class)
                .hasMessageContaining("Required var 'nope'");
    }

    @Test
    void modulesAndJsonHelpers() {
        assertThat(render("{{ modules.re.search('(\\\\d+)', 'abc123').group(1) }} {{ tojson({'a': 1}) }} "
                + "{{ fromjson('[1,2]')[1] }} {{ fromyaml('k: v')['k'] }} {% for a, b in zip([1,2],[3,4]) %}{{ a+b }}{% endfor %}",
                List.of())).isEqualTo("123 {\"a\": 1} 2 v 46");
        assertThat(render("{{ modules.datetime.datetime.now().strftime('%Y') | length }}", List.of())).isEqualTo("4");
    }

    @Test
    void callsTheValueACallReturns() {
        MacroLibrary macros = engine.parseMacros("proj", List.of());
        Map<String, Object> context = new java.util.LinkedHashMap<>(ContextFunctions.base(
                name -> ContextFunctions.MISSING, new EnvVars(Map.of()), logs::add, null));
        context.put("make_greeter", DbtFunction.of("make_greeter", args -> DbtFunction.of("greeter",
                inner -> "hi " + inner.get(0, "name") + inner.get(1, "punct", "!"))));
        String out = engine.render("{{ make_greeter()('ann', punct='?') }} {{ 'a)(b' }}", context, macros, "proj",
                "models/m.sql", new RenderSession());
        assertThat(out).isEqualTo("hi ann? a)(b");
    }

    @Test
    void macroDefaultsWithCommasAndParenthesesWork() {
        List<MacroSource> files = List.of(new MacroSource("proj", "macros/m.sql",
                "{% macro pick(table, order_by='count(*) desc', cols=['a', 'b'], n=3) -%}\n"
                        + "{{ table }}|{{ order_by }}|{{ cols | join('+') }}|{{ n }}\n{%- endmacro %}"));
        assertThat(render("{{ pick('t') }} {{ pick('u', order_by='x, y', n=4) }}", files))
                .isEqualTo("t|count(*) desc|a+b|3 u|x, y|a+b|4");
    }

    @Test
    void booleansPrintAsPythonPrintsThem() {
        assertThat(render("{{ true }} {{ 1 > 2 }}", List.of())).isEqualTo("True False");
    }
}
