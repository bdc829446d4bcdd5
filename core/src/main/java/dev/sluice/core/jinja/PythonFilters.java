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
        jinjava.getGlobalContext().registerFilter(extreme("max", 1));
        jinjava.getGlobalContext().registerFilter(extreme("min", -1));
    }

    /** Jinja's {@code max}/{@code min} filters (Jinjava has neither): the largest or smallest item, None when empty. */
    private static Filter extreme(String name, int sign) {
        return new Filter() {
            @Override
            public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
                Object best = null;
                for (Object item : ContextFunctions.asList(var)) {
                    if (best == null || sign * compare(item, best) > 0) {
                        best = item;
                    }
                }
                return best;
            }

            @Override
            public String getName() {
                return name;
            }
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof Comparable ca && a.getClass().isInstance(b)) {
            return ca.compareTo(b);
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
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
