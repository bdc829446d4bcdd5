package dev.sluice.core.jinja;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A lazy macro library that knows its macros' names answers {@link MacroLibrary#isBuiltInDispatch} without parsing
 * them, and answers as the parsed library does.
 */
class MacroNamesTest {
    private static final Pattern MACRO = Pattern.compile("\\{%-?\\s*macro\\s+(\\w+)");
    private final JinjaEngine engine = new JinjaEngine();

    private static final MacroSource BUILT_IN = new MacroSource(MacroLibrary.INTERNAL_PACKAGE, "sluice/naming.sql",
            "{% macro generate_schema_name(c, n) %}{{ return(adapter.dispatch('generate_schema_name', 'dbt')(c, n)) }}"
                    + "{% endmacro %}{% macro default__generate_schema_name(c, n) %}s{% endmacro %}"
                    + "{% macro generate_alias_name(c, n) %}a{% endmacro %}");

    @Test
    void namesAnswerAsTheParsedMacrosDo() {
        List<List<MacroSource>> projects = List.of(
                List.of(BUILT_IN),
                List.of(BUILT_IN, new MacroSource("proj", "macros/n.sql",
                        "{% macro generate_schema_name(c, n) %}mine{% endmacro %}")),
                List.of(BUILT_IN, new MacroSource("proj", "macros/n.sql",
                        "{% macro default__generate_schema_name(c, n) %}mine{% endmacro %}")),
                List.of(BUILT_IN, new MacroSource(MacroLibrary.INTERNAL_PACKAGE, "sluice/adapters/duckdb/macros.sql",
                        "{% macro duckdb__generate_schema_name(c, n) %}adapter{% endmacro %}")),
                List.of(BUILT_IN, new MacroSource("utils", "macros/u.sql",
                        "{% macro generate_alias_name(c, n) %}u{% endmacro %}")));
        List<List<String>> orders = List.of(List.of("proj", "dbt"), List.of("dbt"), List.of("utils", "dbt"));
        int trueAnswers = 0;
        for (List<MacroSource> sources : projects) {
            MacroLibrary parsed = engine.parseMacros("proj", sources);
            MacroLibrary named = engine.lazyMacros("proj", sources, () -> names(sources));
            for (String pkg : List.of("proj", "utils")) {
                for (String macro : List.of("generate_schema_name", "generate_alias_name", "generate_database_name")) {
                    for (List<String> order : orders) {
                        boolean expected = parsed.isBuiltInDispatch(pkg, macro, "duckdb", order);
                        assertThat(named.isBuiltInDispatch(pkg, macro, "duckdb", order))
                                .as("%s from %s, order %s, macros %s", macro, pkg, order, sources)
                                .isEqualTo(expected);
                        trueAnswers += expected ? 1 : 0;
                    }
                }
            }
        }
        assertThat(trueAnswers).as("some cases are built-in ones").isPositive();
    }

    @Test
    void namesAreEnoughWithoutParsingTheMacros() {
        List<MacroSource> sources = List.of(BUILT_IN, new MacroSource("proj", "macros/broken.sql",
                "{% macro broken() %}{% if %}{% endmacro %}"));
        MacroLibrary named = engine.lazyMacros("proj", sources, () -> names(sources));
        // answering would throw the broken file's syntax error if it parsed the macros
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.parseMacros("proj", sources))
                .isInstanceOf(dev.sluice.core.errors.SluiceException.class);
        assertThat(named.isBuiltInDispatch("proj", "generate_schema_name", "duckdb", List.of("proj", "dbt"))).isTrue();
    }

    /** What a scan of the sources finds: package -> macro names. */
    private static Map<String, Set<String>> names(List<MacroSource> sources) {
        Map<String, Set<String>> names = new LinkedHashMap<>();
        for (MacroSource source : sources) {
            Matcher m = MACRO.matcher(source.text());
            List<String> found = new ArrayList<>();
            while (m.find()) {
                found.add(m.group(1));
            }
            names.computeIfAbsent(source.packageName(), k -> new LinkedHashSet<>()).addAll(found);
        }
        return names;
    }
}
