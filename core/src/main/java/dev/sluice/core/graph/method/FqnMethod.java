package dev.sluice.core.graph.method;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code fqn:} and the default for bare words. A value matches a node when it equals the node's name, or when its
 * dot-separated parts are a prefix of the node's fqn, with or without the leading package name
 * ({@code jaffle_shop.staging}, {@code staging.stg_orders}). From the first part holding a wildcard on, the rest of
 * the value is matched as one pattern against the rest of the fqn, so {@code staging.*} and {@code *.stg_orders} work
 * but a lone {@code stg_*} does not (as in dbt). Sources and exposures have their own methods.
 */
public final class FqnMethod implements SelectionMethod {

    @Override
    public Set<String> search(MethodScope scope, List<String> arguments, String value) {
        return scope.idsWhere(c -> c.isNode() && matches(c.fqn(), value));
    }

    public static boolean matches(List<String> fqn, String selector) {
        if (fqn == null || fqn.isEmpty()) {
            return false;
        }
        return matchesFrom(fqn, selector) || (fqn.size() > 1 && matchesFrom(fqn.subList(1, fqn.size()), selector));
    }

    private static boolean matchesFrom(List<String> fqn, String selector) {
        if (fqn.get(fqn.size() - 1).equals(selector)) {
            return true;
        }
        // A dot inside one fqn segment (a model named "a.b") acts as a separator too.
        List<String> flat = new ArrayList<>();
        fqn.forEach(segment -> flat.addAll(Arrays.asList(segment.split("\\."))));
        String[] parts = selector.split("\\.", -1);
        if (parts.length > flat.size()) {
            return false;
        }
        for (int i = 0; i < parts.length; i++) {
            if (Glob.hasWildcard(parts[i])) {
                String restOfSelector = String.join(".", Arrays.asList(parts).subList(i, parts.length));
                return Glob.matches(restOfSelector, String.join(".", flat.subList(i, flat.size())));
            }
            if (!parts[i].equals(flat.get(i))) {
                return false;
            }
        }
        return true;
    }
}
