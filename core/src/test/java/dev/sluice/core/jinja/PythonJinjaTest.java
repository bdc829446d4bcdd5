package dev.sluice.core.jinja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.project.EnvVars;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Python-Jinja behaviour dbt projects rely on and Jinjava lacks on its own. */
class PythonJinjaTest {
    private static final String MACROS = """
            {% macro twice(x) %}{{ x }}{{ x }}{% endmacro %}
            {% macro apply(fn, v) %}{{ fn(v) }}{% endmacro %}
            {% macro pick(fns, key, v) %}{{ fns[key](v) }}{% endmacro %}
            """;
    private final JinjaEngine engine = new JinjaEngine();
    private final MacroLibrary macros = engine.parseMacros("proj",
            List.of(new MacroSource("proj", "macros/m.sql", MACROS)));

    private String render(String template) {
        Map<String, Object> context = new LinkedHashMap<>(ContextFunctions.base(n -> ContextFunctions.MISSING,
                new EnvVars(Map.of()), s -> { }, null));
        return engine.render(template, context, macros, "proj", "models/m.sql", new RenderSession());
    }

    @Test
    void stringMethodsHavePythonSemantics() {
        assertThat(render("{{ 'Abc'.upper() }}|{{ 'Abc'.lower() }}|{{ ' a '.strip() }}|{{ 'xxhixx'.strip('x') }}"))
                .isEqualTo("ABC|abc|a|hi");
        assertThat(render("{{ 'a.b.c'.split('.') }}|{{ 'a.b.c'.split('.', 1) }}|{{ ' a  b '.split() }}"
                + "|{{ 'a.b.c'.rsplit('.', 1) }}")).isEqualTo("['a', 'b', 'c']|['a', 'b.c']|['a', 'b']|['a.b', 'c']");
        assertThat(render("{{ 'abc'.startswith(('x', 'a')) }}|{{ 'abc'.endswith('c') }}|{{ 'abc'.startswith('b') }}"))
                .isEqualTo("True|True|False");
        assertThat(render("{{ '{}_{}'.format('a', 'b') }}|{{ '{0}{0}'.format('z') }}|{{ '{n}!'.format(n=3) }}"))
                .isEqualTo("a_b|zz|3!");
        assertThat(render("{{ ','.join(['a', 'b']) }}|{{ 'a_b_c'.replace('_', '-', 1) }}|{{ 'a b'.title() }}"
                + "|{{ '42'.zfill(5) }}|{{ 'x'.rjust(3, '0') }}|{{ 'aa'.count('a') }}|{{ 'abc'.find('c') }}"))
                .isEqualTo("a,b|a-b_c|A B|00042|00x|2|2");
        assertThat(render("{{ '12'.isdigit() }}|{{ 'ab'.isupper() }}|{{ 'col_name'.upper().replace('_', ' ') }}"))
                .isEqualTo("True|False|COL NAME");
        assertThat(render("{% set parts = 'db.schema.table'.split('.') %}{{ parts[-1] }}")).isEqualTo("table");
    }

    @Test
    void dictMethodsPopSetdefaultCopyAndADictKeyStillWins() {
        assertThat(render("{% set d = {'a': 1} %}{{ d.setdefault('b', 2) }}|{{ d.pop('a') }}|{{ d.pop('z', 'none') }}"
                + "|{{ d.copy() }}")).isEqualTo("2|1|none|{'b': 2}");
        assertThat(render("{% set d = {'pop': 'key'} %}{{ d.pop }}")).isEqualTo("key");
        assertThatThrownBy(() -> render("{% set d = {} %}{{ d.pop('missing') }}"))
                .isInstanceOf(SluiceException.class).hasMessageContaining("KeyError");
    }

    @Test
    void aVariableHoldingAMacroIsCallable() {
        assertThat(render("{% set fn = twice %}{{ fn('q') }}")).isEqualTo("qq");
        assertThat(render("{{ apply(twice, 'z') }}")).isEqualTo("zz");
        assertThat(render("{{ pick({'t': twice}, 't', 'w') }}")).isEqualTo("ww");
        assertThat(render("{% for f in [twice] %}{{ f('l') }}{% endfor %}")).isEqualTo("ll");
        assertThat(render("{% set v = var %}{{ v('nope', 'fallback') }}")).isEqualTo("fallback");
    }

    @Test
    void dictMaxMinAndTojsonLikePython() {
        assertThat(render("{{ dict(a=1, b=2) }}|{{ dict([['k', 'v']], z=0) }}")).isEqualTo("{'a': 1, 'b': 2}|{'k': 'v', 'z': 0}");
        assertThat(render("{{ [3, 1, 2] | max }}|{{ [3, 1, 2] | min }}|{{ ['b', 'a'] | max }}")).isEqualTo("3|1|b");
        assertThat(render("{{ tojson({'k': [1, 'é']}) }}|{{ tojson({'b': 1, 'a': 2}, sort_keys=True) }}"))
                .isEqualTo("{\"k\": [1, \"\\u00E9\"]}|{\"a\": 2, \"b\": 1}");
    }

    @Test
    void datetimeModuleConstructorsAndRunStartedAt() {
        assertThat(render("{{ modules.datetime.datetime(2024, 1, 2, 3, 4).strftime('%Y/%m/%d %H:%M') }}"
                + "|{{ modules.datetime.date(2024, 1, 2) }}|{{ modules.datetime.date(2024, 1, 2).weekday() }}"))
                .isEqualTo("2024/01/02 03:04|2024-01-02|1");
        assertThat(render("{{ modules.datetime.datetime.now().year > 2000 }}|{{ modules.datetime.date.today().year > 2000 }}"
                + "|{{ modules.datetime.datetime.strptime('2024-05-06', '%Y-%m-%d').day }}")).isEqualTo("True|True|6");
        PyDateTime started = PyDateTime.parseUtc("2024-03-04T05:06:07.123456Z");
        assertThat(started.strftime("%Y%m%d")).isEqualTo("20240304");
        assertThat(started.toString()).isEqualTo("2024-03-04 05:06:07.123456");
    }
}
