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
        Selector selector = new Selector(value);
        if (selector.firstWildcard < selector.parts.length) {
            return scope.idsWhere(c -> c.isNode() && selector.matches(c.fqn()));
        }
        // no wildcard: a match has the value as its name or the value's first part opening its first or second
        // segment, so only the nodes the index finds so need the full test (in the scope's order, as a scan gives)
        FqnIndex index = scope.fqnIndex().get();
        Set<String> out = new java.util.LinkedHashSet<>();
        for (int position : index.candidates(value, selector.parts[0])) {
            Selectable candidate = index.at(position);
            if (selector.matches(candidate.fqn())) {
                out.add(candidate.uniqueId());
            }
        }
        return out;
    }

    public static boolean matches(List<String> fqn, String selector) {
        return new Selector(selector).matches(fqn);
    }

    /** One selector value, split once and matched against many fqns (a selection may test 80,000 nodes). */
    private static final class Selector {
        private final String value;
        private final String[] parts;
        /** Index of the first part holding a wildcard; parts.length when none does. */
        private final int firstWildcard;

        Selector(String value) {
            this.value = value;
            this.parts = value.split("\\.", -1);
            int wildcard = parts.length;
            for (int i = 0; i < parts.length; i++) {
                if (Glob.hasWildcard(parts[i])) {
                    wildcard = i;
                    break;
                }
            }
            this.firstWildcard = wildcard;
        }

        boolean matches(List<String> fqn) {
            if (fqn == null || fqn.isEmpty()) {
                return false;
            }
            return matchesFrom(fqn, 0) || (fqn.size() > 1 && matchesFrom(fqn, 1));
        }

        /** Matches the fqn from segment {@code from} on (1: without the package name). */
        private boolean matchesFrom(List<String> fqn, int from) {
            if (fqn.get(fqn.size() - 1).equals(value)) {
                return true;
            }
            if (firstWildcard > 0 && !startsWithPart(fqn.get(from), parts[0])) {
                return false; // the usual answer, found without splitting anything
            }
            List<String> flat = flat(fqn, from);
            if (parts.length > flat.size()) {
                return false;
            }
            for (int i = 0; i < parts.length; i++) {
                if (i == firstWildcard) {
                    String restOfSelector = String.join(".", Arrays.asList(parts).subList(i, parts.length));
                    return Glob.matches(restOfSelector, String.join(".", flat.subList(i, flat.size())));
                }
                if (!parts[i].equals(flat.get(i))) {
                    return false;
                }
            }
            return true;
        }

        /** {@code segment}'s first dot-separated piece is {@code part}. */
        private static boolean startsWithPart(String segment, String part) {
            return segment.startsWith(part) && (segment.length() == part.length() || segment.charAt(part.length()) == '.');
        }

        /** The fqn from {@code from} on, a dot inside a segment (a model named "a.b") acting as a separator too. */
        private static List<String> flat(List<String> fqn, int from) {
            boolean dotted = false;
            for (int i = from; i < fqn.size() && !dotted; i++) {
                dotted = fqn.get(i).indexOf('.') >= 0;
            }
            if (!dotted) {
                return fqn.subList(from, fqn.size());
            }
            List<String> flat = new ArrayList<>();
            for (int i = from; i < fqn.size(); i++) {
                flat.addAll(Arrays.asList(fqn.get(i).split("\\.")));
            }
            return flat;
        }
    }
}
