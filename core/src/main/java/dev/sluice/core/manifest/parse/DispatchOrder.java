package dev.sluice.core.manifest.parse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The packages {@code adapter.dispatch} searches for a macro namespace: the project's {@code dispatch:} search order
 * when it names that namespace, otherwise the root project, then the namespace itself, then Sluice's built-ins.
 */
public final class DispatchOrder {
    private final String rootPackage;
    private final List<Map<String, Object>> dispatchConfig;

    public DispatchOrder(String rootPackage, List<Map<String, Object>> dispatchConfig) {
        this.rootPackage = rootPackage;
        this.dispatchConfig = dispatchConfig;
    }

    public List<String> forNamespace(String namespace) {
        for (Map<String, Object> entry : dispatchConfig) {
            if (namespace != null && namespace.equals(entry.get("macro_namespace"))
                    && entry.get("search_order") instanceof List<?> order) {
                List<String> out = new ArrayList<>();
                order.forEach(o -> out.add(String.valueOf(o)));
                return out;
            }
        }
        LinkedHashSet<String> order = new LinkedHashSet<>();
        order.add(rootPackage);
        if (namespace != null) {
            order.add(namespace);
        }
        order.add("dbt");
        return new ArrayList<>(order);
    }
}
