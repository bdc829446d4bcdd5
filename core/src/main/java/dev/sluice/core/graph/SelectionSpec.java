package dev.sluice.core.graph;

import java.util.List;

/**
 * A parsed selection: criteria combined by union, intersection and difference. Built by {@link SelectionParser}
 * (command-line strings) and {@link YamlSelectorResolver} (selectors.yml), evaluated by {@link SelectionEvaluator}.
 */
public sealed interface SelectionSpec {

    /** The text this spec came from, for messages. */
    String raw();

    /**
     * One {@code method:value} with its graph operators. Depths are {@link Dag#UNLIMITED} when not bounded;
     * {@code indirect} is null when the request's mode applies.
     */
    record Criterion(String raw, String method, List<String> arguments, String value, boolean parents,
                     int parentsDepth, boolean children, int childrenDepth, boolean childrensParents,
                     IndirectSelection indirect) implements SelectionSpec {

        public Criterion {
            arguments = List.copyOf(arguments);
        }

        public static Criterion of(String method, String value) {
            return new Criterion(method + ":" + value, method, List.of(), value, false, Dag.UNLIMITED, false,
                    Dag.UNLIMITED, false, null);
        }

        public boolean hasGraphOperators() {
            return parents || children || childrensParents;
        }
    }

    record Union(String raw, List<SelectionSpec> parts) implements SelectionSpec {
        public Union {
            parts = List.copyOf(parts);
        }
    }

    record Intersection(String raw, List<SelectionSpec> parts) implements SelectionSpec {
        public Intersection {
            parts = List.copyOf(parts);
        }
    }

    /** {@code include} minus {@code exclude}; applied last within its scope, as YAML {@code exclude} is. */
    record Difference(String raw, SelectionSpec include, SelectionSpec exclude) implements SelectionSpec {
    }
}
