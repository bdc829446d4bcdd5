package dev.sluice.core.jinja;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;

/** Filters dbt adds to Jinja: {@code as_text}, {@code as_bool}, {@code as_number}, {@code as_native}. */
final class PythonFilters {
    private PythonFilters() {
    }

    static void register(Jinjava jinjava) {
        jinjava.getGlobalContext().registerFilter(simple("as_text", (value) -> value == null ? "" : String.valueOf(value)));
        jinjava.getGlobalContext().registerFilter(simple("as_native", NativeValues::parse));
        jinjava.getGlobalContext().registerFilter(simple("as_bool", NativeValues::parse));
        jinjava.getGlobalContext().registerFilter(simple("as_number", NativeValues::parse));
    }

    private static Filter simple(String name, java.util.function.Function<Object, Object> body) {
        return new Filter() {
            @Override
            public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
                return body.apply(var);
            }

            @Override
            public String getName() {
                return name;
            }
        };
    }
}
