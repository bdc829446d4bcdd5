package dev.sluice.core.graph;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.graph.SelectionSpec.Criterion;
import dev.sluice.core.graph.SelectionSpec.Difference;
import dev.sluice.core.graph.SelectionSpec.Intersection;
import dev.sluice.core.graph.SelectionSpec.Union;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the selectors of selectors.yml into {@link SelectionSpec}s. A definition may be a CLI-style string (full
 * command-line syntax, including spaces and commas), a key-value map ({@code tag: nightly}), a full map
 * ({@code method}, {@code value}, {@code parents}, {@code children}, {@code parents_depth}, {@code children_depth},
 * {@code childrens_parents}, {@code indirect_selection}, {@code exclude}), {@code union:} or {@code intersection:}
 * lists whose {@code exclude:} items are subtracted last, or a plain list (read as a union). {@code selector: name}
 * (or {@code method: selector}) refers to another selector; the evaluator resolves it.
 *
 * <p>Each value of the manifest's selectors map is either the whole selectors.yml entry (a map holding
 * {@code definition}, maybe {@code default} and {@code description}) or the definition itself.
 */
public final class YamlSelectorResolver {
    private static final Set<String> CRITERION_KEYS = Set.of("method", "value", "parents", "children",
            "parents_depth", "children_depth", "childrens_parents", "indirect_selection", "exclude");

    private final Map<String, Object> selectors;
    private final SelectionParser parser = new SelectionParser();

    public YamlSelectorResolver(Map<String, Object> selectors) {
        this.selectors = selectors == null ? Map.of() : selectors;
    }

    public Set<String> names() {
        return new TreeSet<>(selectors.keySet());
    }

    public boolean has(String name) {
        return selectors.containsKey(name);
    }

    /** The named selector's spec; an unknown name is a {@code SELECTOR_INVALID} error listing the known ones. */
    public SelectionSpec resolve(String name) {
        if (!selectors.containsKey(name)) {
            throw new SluiceException(ErrorCode.SELECTOR_INVALID, "Could not find selector named '" + name
                    + "'" + (selectors.isEmpty() ? "; selectors.yml defines none" : "; known selectors: "
                    + String.join(", ", names())));
        }
        Object definition = definitionOf(selectors.get(name));
        if (definition == null) {
            throw invalid(name, "it has no definition");
        }
        return parse(definition, name);
    }

    /** The selector marked {@code default: true}, if any; more than one is an error, as in dbt. */
    public Optional<String> defaultSelector() {
        List<String> defaults = new ArrayList<>();
        for (String name : names()) {
            if (isDefault(selectors.get(name))) {
                defaults.add(name);
            }
        }
        if (defaults.size() > 1) {
            throw new SluiceException(ErrorCode.SELECTOR_INVALID,
                    "Only one selector may set 'default: true', found: " + String.join(", ", defaults));
        }
        return defaults.stream().findFirst();
    }

    static Object definitionOf(Object entry) {
        if (entry instanceof Map<?, ?> map && map.containsKey("definition")) {
            return map.get("definition");
        }
        return entry;
    }

    static boolean isDefault(Object entry) {
        return entry instanceof Map<?, ?> map && map.containsKey("definition") && truthy(map.get("default"));
    }

    /** One definition (or part of one) of the selector {@code name}. */
    SelectionSpec parse(Object definition, String name) {
        if (definition instanceof String text) {
            return parser.parseUnion(List.of(text));
        }
        if (definition instanceof List<?> items) {
            return setOperation(items, true, name);
        }
        if (!(definition instanceof Map<?, ?> map) || map.isEmpty()) {
            throw invalid(name, "expected a string, a list or a map, got " + definition);
        }
        if (map.containsKey("union") || map.containsKey("intersection")) {
            if (map.size() != 1) {
                throw invalid(name, "'union' and 'intersection' must be the only key of their map: " + map);
            }
            boolean union = map.containsKey("union");
            Object items = map.get(union ? "union" : "intersection");
            if (!(items instanceof List<?> list)) {
                throw invalid(name, "'" + (union ? "union" : "intersection") + "' needs a list, got " + items);
            }
            return setOperation(list, union, name);
        }
        if (map.containsKey("method")) {
            return fullCriterion(map, name);
        }
        if (map.size() == 1) {
            Map.Entry<?, ?> only = map.entrySet().iterator().next();
            String key = String.valueOf(only.getKey());
            if (key.equals("exclude")) {
                throw invalid(name, "'exclude' may only appear inside a union, an intersection or a method map");
            }
            return criterion(key, String.valueOf(only.getValue()), false, Dag.UNLIMITED, false, Dag.UNLIMITED,
                    false, null, name);
        }
        throw invalid(name, "cannot read definition " + map);
    }

    private SelectionSpec setOperation(List<?> items, boolean union, String name) {
        List<SelectionSpec> include = new ArrayList<>();
        List<SelectionSpec> exclude = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Map<?, ?> map && map.size() == 1 && map.containsKey("exclude")) {
                exclude.add(exclusions(map.get("exclude"), name));
            } else {
                include.add(parse(item, name));
            }
        }
        if (include.isEmpty()) {
            throw invalid(name, "a union or intersection needs at least one item besides 'exclude'");
        }
        String raw = (union ? "union" : "intersection") + " in selector " + name;
        SelectionSpec combined = include.size() == 1 ? include.get(0)
                : union ? new Union(raw, include) : new Intersection(raw, include);
        return exclude.isEmpty() ? combined : new Difference(raw + " with exclude", combined,
                exclude.size() == 1 ? exclude.get(0) : new Union(raw + " exclude", exclude));
    }

    private SelectionSpec exclusions(Object value, String name) {
        if (value instanceof List<?> list) {
            return setOperation(list, true, name);
        }
        return parse(value, name);
    }

    private SelectionSpec fullCriterion(Map<?, ?> map, String name) {
        for (Object key : map.keySet()) {
            if (!CRITERION_KEYS.contains(String.valueOf(key))) {
                throw invalid(name, "unknown key '" + key + "' in " + map);
            }
        }
        Object value = map.get("value");
        if (value == null) {
            throw invalid(name, "method '" + map.get("method") + "' needs a 'value'");
        }
        boolean parents = truthy(map.get("parents"));
        boolean children = truthy(map.get("children"));
        Object mode = map.get("indirect_selection");
        SelectionSpec criterion = criterion(String.valueOf(map.get("method")), String.valueOf(value), parents,
                depth(map.get("parents_depth"), name), children, depth(map.get("children_depth"), name),
                truthy(map.get("childrens_parents")), mode == null ? null : IndirectSelection.parse(String.valueOf(mode)),
                name);
        if (!map.containsKey("exclude")) {
            return criterion;
        }
        SelectionSpec excluded = exclusions(map.get("exclude"), name);
        return new Difference(criterion.raw() + " with exclude", criterion, excluded);
    }

    private static Criterion criterion(String method, String value, boolean parents, int parentsDepth,
                                       boolean children, int childrenDepth, boolean childrensParents,
                                       IndirectSelection mode, String name) {
        List<String> pieces = Arrays.asList(method.trim().split("\\."));
        String methodName = pieces.get(0).toLowerCase(Locale.ROOT);
        if (methodName.isEmpty() || value.isEmpty()) {
            throw invalid(name, "empty method or value in '" + method + ": " + value + "'");
        }
        String raw = (childrensParents ? "@" : "") + (parents ? (parentsDepth >= 0 ? parentsDepth + "+" : "+") : "")
                + method.trim() + ":" + value + (children ? (childrenDepth >= 0 ? "+" + childrenDepth : "+") : "");
        return new Criterion(raw, methodName, pieces.subList(1, pieces.size()), value, parents,
                parents ? parentsDepth : Dag.UNLIMITED, children, children ? childrenDepth : Dag.UNLIMITED,
                childrensParents, mode);
    }

    private static int depth(Object value, String name) {
        if (value == null) {
            return Dag.UNLIMITED;
        }
        try {
            int depth = value instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(value).trim());
            if (depth < 0) {
                throw invalid(name, "depth must not be negative: " + value);
            }
            return depth;
        } catch (NumberFormatException e) {
            throw invalid(name, "depth must be a whole number: " + value);
        }
    }

    private static boolean truthy(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        return value != null && String.valueOf(value).trim().equalsIgnoreCase("true");
    }

    private static SluiceException invalid(String name, String why) {
        return new SluiceException(ErrorCode.SELECTOR_INVALID, "Invalid selector '" + name + "': " + why);
    }
}
