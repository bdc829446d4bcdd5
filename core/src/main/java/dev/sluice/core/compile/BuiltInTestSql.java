package dev.sluice.core.compile;

import dev.sluice.core.jinja.MacroLibrary;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.parse.DispatchOrder;
import dev.sluice.core.manifest.parse.TestArgumentRefs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SQL of Sluice's own generic tests ({@code unique}, {@code not_null}, {@code relationships}, ...) without a Jinja
 * render per test. When nothing overrides a test macro (not the project, not a package, not the adapter, not a
 * {@code dispatch:} search order), its SQL depends only on the argument values and {@code should_store_failures()}:
 * it is rendered through Jinja once per shape (test name, argument names, store_failures) with a placeholder for each
 * argument, and every test of that shape fills in its own values. A test whose arguments are not all text (a list of
 * accepted values, a versioned ref) renders through Jinja as before.
 *
 * <p>So the built-in test macros ({@code macros/generic_tests.sql}) must print their arguments as they are and
 * branch on nothing but {@code should_store_failures()}.
 */
final class BuiltInTestSql {
    private static final String MODEL = "model";

    /** Renders the test's macro through Jinja with the given argument values bound as variables. */
    interface MacroRender {
        String render(Node node, RuntimeHost host, Object model, Map<String, Object> arguments);
    }

    private record Shape(String test, List<String> arguments, boolean storeFailures) {
    }

    /** The rendered SQL cut at its placeholders: text, argument, text, argument, ..., text. */
    private record Template(List<String> texts, List<Integer> slots) {
        String fill(List<String> values) {
            StringBuilder out = new StringBuilder(texts.get(0));
            for (int i = 0; i < slots.size(); i++) {
                out.append(values.get(slots.get(i))).append(texts.get(i + 1));
            }
            return out.toString();
        }
    }

    private final MacroLibrary macros;
    private final String adapterType;
    private final List<String> dbtDispatchOrder;
    private final Map<String, Boolean> builtIn = new ConcurrentHashMap<>();
    private final Map<Shape, Template> templates = new ConcurrentHashMap<>();

    BuiltInTestSql(MacroLibrary macros, String adapterType, DispatchOrder dispatchOrder) {
        this.macros = macros;
        this.adapterType = adapterType;
        this.dbtDispatchOrder = dispatchOrder.forNamespace(MacroLibrary.INTERNAL_PACKAGE);
    }

    /**
     * The compiled SQL of a generic test, or null when it must render through Jinja. {@code model} is the tested
     * relation (or the {@code where} subquery); refs and sources among the arguments resolve through {@code host}.
     */
    String render(Node node, RuntimeHost host, Object model, MacroRender jinja) {
        if (node.testMetadata.namespace() != null || !builtIn(node)) {
            return null;
        }
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        names.add(MODEL);
        values.add(String.valueOf(model));
        for (Map.Entry<String, Object> kwarg : node.testMetadata.kwargs().entrySet()) {
            if (kwarg.getKey().equals(MODEL)) {
                continue;
            }
            if (!(kwarg.getValue() instanceof String text)) {
                return null;
            }
            String value = TestArgumentRefs.isRelationExpression(text) ? relation(text, host) : text;
            if (value == null) {
                return null;
            }
            names.add(kwarg.getKey());
            values.add(value);
        }
        Shape shape = new Shape(node.testMetadata.name(), List.copyOf(names),
                Boolean.TRUE.equals(node.config.get("store_failures")));
        Template template = templates.get(shape);
        if (template == null) {
            template = template(node, host, shape, jinja);
            templates.putIfAbsent(shape, template);
        }
        return template.fill(values);
    }

    private boolean builtIn(Node node) {
        String macro = "test_" + node.testMetadata.name();
        return builtIn.computeIfAbsent(node.packageName + "/" + macro,
                k -> macros.isBuiltInDispatch(node.packageName, macro, adapterType, dbtDispatchOrder));
    }

    /** The relation a ref/source argument names, as it prints; null for a call the template cannot stand for. */
    private static String relation(String text, RuntimeHost host) {
        TestArgumentRefs.Call call = TestArgumentRefs.call(text).orElse(null);
        if (call == null) {
            return null;
        }
        List<String> args = call.arguments();
        if (!call.ref()) {
            return host.source(args.get(0), args.get(1)).toString();
        }
        return (args.size() == 1 ? host.ref(null, args.get(0), null) : host.ref(args.get(0), args.get(1), null))
                .toString();
    }

    private static Template template(Node node, RuntimeHost host, Shape shape, MacroRender jinja) {
        List<String> names = shape.arguments();
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (int i = 1; i < names.size(); i++) {
            arguments.put(names.get(i), placeholder(i));
        }
        String sql = jinja.render(node, host, placeholder(0), arguments);
        List<String> texts = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        int from = 0;
        while (true) {
            int next = -1;
            int slot = -1;
            for (int i = 0; i < names.size(); i++) {
                int at = sql.indexOf(placeholder(i), from);
                if (at >= 0 && (next < 0 || at < next)) {
                    next = at;
                    slot = i;
                }
            }
            if (next < 0) {
                texts.add(sql.substring(from));
                return new Template(List.copyOf(texts), List.copyOf(slots));
            }
            texts.add(sql.substring(from, next));
            slots.add(slot);
            from = next + placeholder(slot).length();
        }
    }

    private static String placeholder(int index) {
        return "__sluice_test_argument_" + index + "__";
    }
}
