package dev.sluice.core.jinja;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.errors.SluiceException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A library parsed file by file ({@link JinjaEngine#macrosByFile}) renders as the library parsed up front does: the
 * same macro for every bare name from every package (root project first, then the package's own, then the last
 * other package, then the built-ins), through namespaces, across files, and the last file wins within a package.
 */
class MacroFilesTest {
    private static final Pattern MACRO = Pattern.compile("\\{%-?\\s*macro\\s+(\\w+)");
    private final JinjaEngine engine = new JinjaEngine();

    private static final List<MacroSource> SOURCES = List.of(
            new MacroSource("dbt", "sluice/builtin.sql", "{% macro greet() %}dbt{% endmacro %}"
                    + "{% macro shout(x) %}dbt-shout:{{ x }}{% endmacro %}{% macro only_dbt() %}dbt-only{% endmacro %}"),
            new MacroSource("utils", "macros/a.sql", "{% macro greet() %}utils-a{% endmacro %}"
                    + "{% macro helper() %}utils-helper+{{ only_dbt() }}{% endmacro %}"),
            new MacroSource("utils", "macros/b.sql", "{% macro greet() %}utils-b{% endmacro %}"
                    + "{% macro uses_helper() %}[{{ helper() }}]{% endmacro %}"),
            new MacroSource("other", "macros/o.sql", "{% macro greet() %}other{% endmacro %}"
                    + "{% macro other_only() %}other-only{% endmacro %}{% macro shout(x) %}other-shout{% endmacro %}"),
            new MacroSource("proj", "macros/p.sql", "{% macro local() %}proj-local:{{ utils.greet() }}{% endmacro %}"),
            new MacroSource("proj", "macros/q.sql", "{# {% macro commented() %}x{% endmacro %} #}"
                    + "{% macro greet_twice() %}{{ greet() }}{{ greet() }}{% endmacro %}"));

    private static final List<String> CALLS = List.of("greet()", "shout('x')", "only_dbt()", "helper()",
            "uses_helper()", "other_only()", "local()", "greet_twice()", "utils.greet()", "other.greet()",
            "dbt.greet()", "utils.uses_helper()", "other.shout(1)", "commented()");

    @Test
    void rendersAsTheLibraryParsedUpFront() {
        MacroLibrary parsed = engine.parseMacros("proj", SOURCES);
        int agreed = 0;
        for (String pkg : List.of("proj", "utils", "other", "dbt")) {
            MacroLibrary byFile = engine.macrosByFile("proj", () -> SOURCES, () -> index(SOURCES));
            for (String call : CALLS) {
                String template = "{{ " + call + " }}";
                String expected = render(parsed, template, pkg);
                assertThat(render(byFile, template, pkg)).as("%s from %s", call, pkg).isEqualTo(expected);
                agreed += expected.startsWith("error") ? 0 : 1;
            }
        }
        assertThat(agreed).as("calls that render (commented() is no macro)").isEqualTo(4 * (CALLS.size() - 1));

        MacroLibrary byFile = engine.macrosByFile("proj", () -> SOURCES, () -> index(SOURCES));
        assertThat(List.copyOf(byFile.packages())).isEqualTo(List.copyOf(parsed.packages()));
        for (String pkg : parsed.packages()) {
            assertThat(List.copyOf(byFile.macrosOf(pkg).keySet())).isEqualTo(List.copyOf(parsed.macrosOf(pkg).keySet()));
        }
    }

    @Test
    void aRenderParsesOnlyTheFilesOfTheMacrosItCalls() {
        List<MacroSource> sources = new ArrayList<>(SOURCES);
        sources.add(new MacroSource("utils", "macros/broken.sql", "{% macro broken() %}{% if %}{% endmacro %}"));
        MacroLibrary byFile = engine.macrosByFile("proj", () -> sources, () -> index(sources));
        // the broken file is never parsed: no macro of it is looked up
        String template = "{{ local() }} {{ greet_twice() }} {{ uses_helper() }}";
        String rendered = render(byFile, template, "proj");
        assertThat(rendered).isEqualTo(render(engine.parseMacros("proj", SOURCES), template, "proj"))
                .doesNotStartWith("error");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.render("{{ broken() }}", new HashMap<>(),
                byFile, "proj", "models/m.sql", new RenderSession()))
                .isInstanceOf(SluiceException.class);
    }

    private String render(MacroLibrary macros, String template, String pkg) {
        try {
            return engine.render(template, new HashMap<>(), macros, pkg, "models/m.sql", new RenderSession());
        } catch (SluiceException e) {
            return "error: " + e.getMessage();
        }
    }

    /** What a scan of the sources finds: package -> macro name -> the last file defining it. */
    private static Map<String, Map<String, Integer>> index(List<MacroSource> sources) {
        Map<String, Map<String, Integer>> index = new LinkedHashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            Matcher m = MACRO.matcher(sources.get(i).text());
            while (m.find()) {
                index.computeIfAbsent(sources.get(i).packageName(), k -> new HashMap<>()).put(m.group(1), i);
            }
        }
        return index;
    }
}
