package dev.sluice.core.compile;

import dev.sluice.core.jinja.MacroLibrary;
import dev.sluice.core.jinja.RelationProxy;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.TestMetadata;
import dev.sluice.core.manifest.parse.TestArgumentRefs;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A shortcut for the generic tests most projects have by the thousand, dbt's {@code not_null} and {@code unique}: when a
 * test calls Sluice's own macro (nothing in the project, its packages or the adapter overrides {@code test_<name>} or
 * its dispatch) with only {@code model} and a plain {@code column_name}, the macro only prints those two values. So it
 * is rendered through Jinja once per shape with marker values in their place, and each test's SQL is that text with
 * the markers replaced by the values as Jinja prints them: the SQL still comes from the macro, byte for byte.
 * Everything else (other tests, other arguments, overridden macros) renders through Jinja as before.
 */
final class BuiltInTests {
    static final String MODEL_MARKER = "__sluice_model_marker_6d1f__";
    static final String COLUMN_MARKER = "__sluice_column_marker_6d1f__";
    private static final Set<String> NAMES = Set.of("not_null", "unique");
    private static final Set<String> ARGUMENTS = Set.of("model", "column_name");

    /** Renders a test's macro call through Jinja with the given model and column name values. */
    interface Renderer {
        String render(Node node, Object model, String columnName);
    }

    private final MacroLibrary macros;
    private final String adapterType;
    private final List<String> dispatchOrder;
    private final Map<String, Boolean> builtIn = new ConcurrentHashMap<>();
    private final Map<String, Optional<String>> shapes = new ConcurrentHashMap<>();

    BuiltInTests(MacroLibrary macros, String adapterType, List<String> dispatchOrder) {
        this.macros = macros;
        this.adapterType = adapterType;
        this.dispatchOrder = dispatchOrder;
    }

    /** The test's SQL, or null when the shortcut does not apply and the test must render through Jinja. */
    String sql(Node node, Object model, Renderer jinja) {
        TestMetadata test = node.testMetadata;
        if (test == null || test.namespace() != null || !NAMES.contains(test.name())
                || !ARGUMENTS.equals(test.kwargs().keySet())
                || !(test.kwargs().get("column_name") instanceof String column)
                || TestArgumentRefs.isRelationExpression(column)
                || !(model instanceof String || model instanceof RelationProxy)) {
            return null;
        }
        String macro = "test_" + test.name();
        if (!builtIn.computeIfAbsent(node.packageName + "/" + macro,
                k -> macros.isBuiltInDispatch(node.packageName, macro, adapterType, dispatchOrder))) {
            return null;
        }
        boolean storeFailures = Boolean.TRUE.equals(node.config.get("store_failures"));
        Optional<String> shape = shapes.computeIfAbsent(test.name() + "/" + storeFailures, k -> {
            String text = jinja.render(node, MODEL_MARKER, COLUMN_MARKER);
            return text.contains(MODEL_MARKER) && text.contains(COLUMN_MARKER) ? Optional.of(text) : Optional.empty();
        });
        return shape.map(text -> fill(text, model.toString(), column)).orElse(null);
    }

    /** The shape with each marker replaced, in one pass (a value can never bring a marker back in). */
    static String fill(String shape, String model, String column) {
        StringBuilder out = new StringBuilder(shape.length() + 64);
        int i = 0;
        while (i < shape.length()) {
            int m = shape.indexOf(MODEL_MARKER, i);
            int c = shape.indexOf(COLUMN_MARKER, i);
            if (m < 0 && c < 0) {
                out.append(shape, i, shape.length());
                break;
            }
            boolean modelFirst = c < 0 || (m >= 0 && m < c);
            int at = modelFirst ? m : c;
            out.append(shape, i, at).append(modelFirst ? model : column);
            i = at + (modelFirst ? MODEL_MARKER : COLUMN_MARKER).length();
        }
        return out.toString();
    }
}
