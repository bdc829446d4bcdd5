package dev.sluice.core.graph.method;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The selector methods by name. An object, not a static table, so a caller (state comparison, tests) can register
 * more with {@link #with}. The {@code selector:} method is not here: it needs the YAML selectors and is resolved by
 * the evaluator.
 */
public final class SelectionMethods {
    private final Map<String, SelectionMethod> methods;

    private SelectionMethods(Map<String, SelectionMethod> methods) {
        this.methods = Collections.unmodifiableMap(methods);
    }

    public static SelectionMethods standard() {
        Map<String, SelectionMethod> m = new TreeMap<>();
        m.put("fqn", new FqnMethod());
        m.put("tag", new TagMethod());
        m.put("path", new PathMethod());
        m.put("file", new FileMethod());
        m.put("package", new PackageMethod());
        m.put("config", new ConfigMethod());
        m.put("resource_type", new ResourceTypeMethod());
        m.put("source", new SourceMethod());
        m.put("exposure", new ExposureMethod());
        m.put("test_type", new TestTypeMethod());
        m.put("test_name", new TestNameMethod());
        m.put("unit_test", new UnitTestMethod());
        m.put("group", new GroupMethod());
        m.put("access", new AccessMethod());
        m.put("version", new VersionMethod());
        for (String stateful : new String[] {"state", "result", "source_status"}) {
            m.put(stateful, new RequiresStateMethod(stateful));
        }
        // Resource kinds dbt has and Sluice's manifest does not yet: valid names that match nothing.
        for (String absent : new String[] {"metric", "semantic_model", "saved_query"}) {
            m.put(absent, (scope, arguments, value) -> Set.of());
        }
        return new SelectionMethods(m);
    }

    /** A copy with {@code name} bound to {@code method} (replacing any existing binding). */
    public SelectionMethods with(String name, SelectionMethod method) {
        Map<String, SelectionMethod> copy = new TreeMap<>(methods);
        copy.put(name, method);
        return new SelectionMethods(copy);
    }

    public boolean has(String name) {
        return methods.containsKey(name);
    }

    public Set<String> names() {
        return methods.keySet();
    }

    /** The method, or a {@code SELECTOR_INVALID} error naming the unknown method and the raw selector. */
    public SelectionMethod get(String name, String rawSelector) {
        SelectionMethod method = methods.get(name);
        if (method == null) {
            throw new SluiceException(ErrorCode.SELECTOR_INVALID, "'" + name + "' is not a valid selector method in '"
                    + rawSelector + "'; valid methods are: selector, " + String.join(", ", methods.keySet()));
        }
        return method;
    }
}
