package dev.sluice.core.jinja;

import dev.sluice.core.project.EnvVars;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProbeScratchTest {
    private final JinjaEngine engine = new JinjaEngine();

    @Test
    void probe() {
        String macros = """
                {% macro twice(x) %}{{ x }}{{ x }}{% endmacro %}
                {% macro apply(fn, v) %}{{ fn(v) }}{% endmacro %}
                {% macro kw(a, b=none) %}{{ a }}-{{ b }}-{{ kwargs }}-{{ varargs }}{% endmacro %}
                {% macro wrap() %}[{{ caller(7) }}]{% endmacro %}
                """;
        MacroLibrary lib = engine.parseMacros("proj", List.of(new MacroSource("proj", "macros/m.sql", macros)));
        String[] cases = {
            "{{ true }}|{{ false }}|{{ none }}|{{ True }}|{{ None }}",
            "{{ 1 is none }}|{{ none is none }}|{{ x is not none }}",
            "{% set d = {'a': 1, 'b': 2} %}{% for k, v in d.items() %}{{ k }}={{ v }};{% endfor %}",
            "{% set d = {'a': 1, 'b': 2} %}{{ d.keys() | list }}|{{ d.values() | list }}|{{ d.get('a') }}|{{ d.get('z', 9) }}",
            "{{ 'Abc'.upper() }}|{{ 'Abc'.lower() }}|{{ ' a '.strip() }}|{{ 'a-b'.replace('-', '_') }}|{{ 'a,b'.split(',') }}",
            "{{ 'abc'.startswith('a') }}|{{ 'abc'.endswith('c') }}|{{ '{}-{}'.format(1, 2) }}|{{ ','.join(['a','b']) }}",
            "{{ 'a' ~ 1 ~ none }}",
            "{% for x in [1,2,3] %}{{ loop.index }}{{ loop.index0 }}{{ loop.first }}{{ loop.last }}{{ loop.length }}{{ loop.revindex }};{% endfor %}",
            "{% set fn = twice %}{{ fn('q') }}",
            "{{ apply(twice, 'z') }}",
            "{% set l = [] %}{% do l.append(1) %}{% do l.extend([2, 3]) %}{{ l }}|{{ l | length }}|{{ l.pop() }}|{{ l }}",
            "{% set d = {} %}{% do d.update({'a': 1}) %}{{ d }}|{{ d.pop('a') }}|{{ d }}",
            "{{ 'x' is string }}|{{ {} is mapping }}|{{ 3 is number }}|{{ undefinedvar is defined }}|{{ [1] is iterable }}",
            "{{ [1,2,3][1:] }}|{{ [1,2,3][:-1] }}|{{ 'abcdef'[0:2] }}|{{ 'abc'[-1] }}",
            "{{ '%s-%s' | format('a', 'b') }}|{{ '%s!' % 'hi' }}",
            "{% set ns = namespace(found=false) %}{% for i in [1,2] %}{% if i == 2 %}{% set ns.found = true %}{% endif %}{% endfor %}{{ ns.found }}",
            "{{ 7 // 2 }}|{{ 2 ** 3 }}|{{ 7 % 3 }}|{{ 7 / 2 }}",
            "{{ range(3) | list }}|{{ dict(a=1) }}",
            "{{ 'x' in 'xyz' }}|{{ 2 in [1,2] }}|{{ 'a' in {'a': 1} }}",
            "{{ kw(1) }}|{{ kw(1, 2, c=3) }}",
            "{% call wrap() %}in{% endcall %}",
            "{% call(n) wrap() %}got {{ n }}{% endcall %}",
            "{{ [3,1,2] | sort }}|{{ [1,1,2] | unique | list }}|{{ ['a','b'] | map('upper') | join(',') }}",
            "{{ [{'a': 1}, {'a': 2}] | selectattr('a', 'equalto', 2) | list }}|{{ [{'a': 1}, {'a': 2}] | map(attribute='a') | list }}",
            "{{ 'a, b' .split(',') | map('trim') | list }}",
            "{{ [1,2] | tojson }}|{{ {'a': 1} | tojson }}",
            "{{ '3' | int + 1 }}|{{ 3.7 | round }}|{{ 3.14159 | round(2) }}|{{ -3 | abs }}",
            "{{ 'x' if none else 'y' }}|{{ none or 'd' }}|{{ [] or 'empty' }}",
            "{{ {'a': 1}['a'] }}|{{ {'a': {'b': 2}}.a.b }}",
            "{% set x, y = 1, 2 %}{{ x }}{{ y }}",
            "{% for a, b in [[1, 2], [3, 4]] %}{{ a }}{{ b }}{% endfor %}",
            "{{ 'abc' | length }}|{{ 'hello world' | title }}|{{ 'hello' | capitalize }}",
            "{{ ['a', none, 'b'] | reject('none') | list }}|{{ [1, 0, 2] | select | list }}",
            "{% set s = 'a_b' %}{{ s.split('_')[0] }}|{{ s.upper().replace('_', '') }}",
            "{{ 'abc'.find('b') }}|{{ 'a b'.title() }}|{{ 'ab'.isupper() }}|{{ '12'.isdigit() }}|{{ 'x'.rjust(3, '0') }}",
            "{{ [1,2].index(2) }}|{{ [1,1].count(1) }}|{{ 'aa'.count('a') }}",
            "{{ (1, 2) }}|{{ [1, 'a'] }}|{{ {'a': 'b'} }}|{{ ['a'] | string }}",
            "{{ 'a\\nb' }}",
            "{{ {'b': 1, 'a': 2} | dictsort }}",
            "{% set x = 5 %}{% if x is divisibleby 5 %}div{% endif %}|{{ x is odd }}|{{ 'A' is upper }}",
            "{{ 1 == 1.0 }}|{{ '1' == 1 }}|{{ 10 > 9 }}",
            "{{ 1.0 }}|{{ 1.5 * 2 }}|{{ 10 / 5 }}|{{ 3 | float }}",
            "{{ [1, 2] + [3] }}|{{ 'a' * 3 }}",
            "{{ 'a' | replace('a', 'b') }}|{{ 'Abc' | lower }}|{{ '  x  ' | trim }}",
            "{{ [1,2,3] | first }}|{{ [1,2,3] | last }}|{{ [1,2,3] | sum }}|{{ [1,2,3] | max }}|{{ [1,2,3] | min }}",
            "{{ [1,2,3,4] | batch(2) | list }}|{{ ['b','a'] | sort | join }}",
            "{% set d = {'a': 1} %}{{ d | length }}|{{ 'a' in d.keys() }}|{{ d.items() | list }}",
            "{{ modules.datetime.datetime(2024, 1, 2).strftime('%Y/%m/%d') }}",
            "{{ (modules.datetime.datetime.strptime('2024-01-02', '%Y-%m-%d') + modules.datetime.timedelta(days=1)).strftime('%Y-%m-%d') }}",
            "{{ modules.datetime.date(2024, 1, 2) }}",
        };
        for (String c : cases) {
            String out;
            try {
                Map<String, Object> ctx = new java.util.LinkedHashMap<>(ContextFunctions.base(
                        n -> ContextFunctions.MISSING, new EnvVars(Map.of()), s -> { }, null));
                ctx.put("x", 1);
                out = engine.render(c, ctx, lib, "proj", "m.sql", new RenderSession());
            } catch (Exception e) {
                out = "!! " + e.getMessage().replace("\n", " ");
            }
            System.out.println("PROBE " + c + "\n   => " + out);
        }
    }
}
