package dev.sluice.core.unittest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.jinja.DbtFunction;
import dev.sluice.core.jinja.JinjaEngine;
import dev.sluice.core.jinja.MacroLibrary;
import dev.sluice.core.jinja.MacroSource;
import dev.sluice.core.jinja.RenderSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MacroOverridesTest {
    private final JinjaEngine jinja = new JinjaEngine();

    @Test
    void macrosBecomeConstantFunctionsAndPlainValuesAreReplaced() {
        MacroLibrary macros = jinja.parseMacros("p", List.of(
                new MacroSource("p", "macros/m.sql", "{% macro type_numeric() %}numeric{% endmacro %}"),
                new MacroSource("dbt_utils", "macros/star.sql", "{% macro star(from) %}*{% endmacro %}"
                        + "{% macro pretty() %}pretty{% endmacro %}")));
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("invocation_id", "abc");
        context.put("is_incremental", DbtFunction.of("is_incremental", args -> false));
        Map<String, Object> overrides = new LinkedHashMap<>();
        overrides.put("is_incremental", true);
        overrides.put("invocation_id", 123);
        overrides.put("type_numeric", "override");
        overrides.put("dbt_utils.star", "id, name");
        MacroOverrides.apply(overrides, context, macros);

        String rendered = jinja.render("{% if is_incremental() %}incremental{% endif %} {{ invocation_id }} {{ type_numeric() }} "
                + "{{ dbt_utils.star(from='x') }} {{ dbt_utils.pretty() }}", context, macros, "p", "t.sql",
                new RenderSession());
        assertThat(rendered).isEqualTo("incremental 123 override id, name pretty");
    }

    @Test
    void isIncrementalIsReadAsABoolean() {
        assertThat(MacroOverrides.incremental(Map.of("is_incremental", true))).isTrue();
        assertThat(MacroOverrides.incremental(Map.of("is_incremental", "true"))).isTrue();
        assertThat(MacroOverrides.incremental(Map.of("is_incremental", "false"))).isFalse();
        assertThat(MacroOverrides.incremental(Map.of())).isFalse();
    }
}
