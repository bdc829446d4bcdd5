package dev.sluice.core.manifest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the project declares, resolved: nodes with their dependencies, sources, macros, docs and exposures, and
 * the parent/child maps. Built once by the parser; read by every later stage.
 */
public final class Manifest {
    public final String projectName;
    public final Map<String, Node> nodes;
    public final Map<String, SourceDefinition> sources;
    public final Map<String, Macro> macros;
    public final Map<String, Doc> docs;
    public final Map<String, Exposure> exposures;
    /** Disabled nodes by unique id (dbt keeps a list per id). */
    public final Map<String, Node> disabled;
    /** Each resource's parents in depends-on order; the map itself is unordered (the manifest writer sorts). */
    public final Map<String, List<String>> parentMap;
    /** Each resource's children, sorted; the map itself is unordered. */
    public final Map<String, List<String>> childMap;
    /** The ids of every node, source and exposure (the parent map's keys), sorted. */
    public final List<String> sortedIds;
    /** Named selectors from selectors.yml: name -> raw definition. */
    public final Map<String, Object> selectors;
    /** Refable nodes by name, in manifest order (the order {@link #findRefable} prefers among equals). */
    private final Map<String, List<Node>> refableByName = new java.util.HashMap<>();
    /** The first source of each [source name, table name]. */
    private final Map<List<String>, SourceDefinition> sourcesByName = new java.util.HashMap<>();

    public Manifest(String projectName, Map<String, Node> nodes, Map<String, SourceDefinition> sources,
                    Map<String, Macro> macros, Map<String, Doc> docs, Map<String, Exposure> exposures,
                    Map<String, Node> disabled, Map<String, Object> selectors) {
        this.projectName = projectName;
        this.nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        this.sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        this.macros = Collections.unmodifiableMap(new LinkedHashMap<>(macros));
        this.docs = Collections.unmodifiableMap(new LinkedHashMap<>(docs));
        this.exposures = Collections.unmodifiableMap(new LinkedHashMap<>(exposures));
        this.disabled = Collections.unmodifiableMap(new LinkedHashMap<>(disabled));
        this.selectors = Collections.unmodifiableMap(new LinkedHashMap<>(selectors));
        int size = this.sources.size() + this.nodes.size() + this.exposures.size();
        Map<String, List<String>> parents = new java.util.HashMap<>(size * 2);
        Map<String, List<String>> children = new java.util.HashMap<>(size * 2);
        for (String id : this.sources.keySet()) {
            parents.put(id, List.of());
            children.put(id, new ArrayList<>(2));
        }
        for (Node node : this.nodes.values()) {
            parents.put(node.uniqueId, List.copyOf(node.dependsOnNodes));
            children.putIfAbsent(node.uniqueId, new ArrayList<>(2));
        }
        for (Exposure exposure : this.exposures.values()) {
            parents.put(exposure.uniqueId, List.copyOf(exposure.dependsOnNodes));
            children.putIfAbsent(exposure.uniqueId, new ArrayList<>(2));
        }
        // sorted once here for every later user (the graph, the manifest writer): 80,000 ids sharing long prefixes
        // take a visible time to sort; children are added in this order, so every child list comes out sorted
        String[] sorted = parents.keySet().toArray(new String[0]);
        Arrays.sort(sorted);
        this.sortedIds = Collections.unmodifiableList(Arrays.asList(sorted));
        for (String child : sorted) {
            for (String parent : parents.get(child)) {
                children.computeIfAbsent(parent, k -> new ArrayList<>(2)).add(child);
            }
        }
        this.parentMap = Collections.unmodifiableMap(parents);
        this.childMap = Collections.unmodifiableMap(children);
        for (Node node : this.nodes.values()) {
            if (isRefable(node)) {
                refableByName.computeIfAbsent(node.name, k -> new ArrayList<>(1)).add(node);
            }
        }
        for (SourceDefinition source : this.sources.values()) {
            sourcesByName.putIfAbsent(List.of(source.sourceName, source.name), source);
        }
    }

    public Optional<Node> node(String uniqueId) {
        return Optional.ofNullable(nodes.get(uniqueId));
    }

    /** Finds a model, seed, snapshot or analysis by name, preferring the given package, then the root project. */
    public Optional<Node> findRefable(String packageName, String name) {
        Node fallback = null;
        for (Node node : refableByName.getOrDefault(name, List.of())) {
            if (packageName != null) {
                if (node.packageName.equals(packageName)) {
                    return Optional.of(node);
                }
            } else if (node.packageName.equals(projectName)) {
                return Optional.of(node);
            } else if (fallback == null) {
                fallback = node;
            }
        }
        return Optional.ofNullable(fallback);
    }

    public static boolean isRefable(Node node) {
        return node.resourceType == ResourceType.MODEL || node.resourceType == ResourceType.SEED
                || node.resourceType == ResourceType.SNAPSHOT;
    }

    public Optional<SourceDefinition> findSource(String sourceName, String tableName) {
        return Optional.ofNullable(sourcesByName.get(List.of(sourceName, tableName)));
    }
}
