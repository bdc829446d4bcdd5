package dev.sluice.core.manifest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Set;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.sluice.core.parallel.Memo;

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
    /** Named selectors from selectors.yml: name -> raw definition. */
    public final Map<String, Object> selectors;
    private final Memo<List<String>> sortedIds;
    private final Memo<Map<String, List<String>>> children;
    /** Refable nodes by name, in manifest order (the order {@link #findRefable} prefers among equals). */
    private final Map<String, List<Node>> refableByName = new java.util.HashMap<>();
    /** The first source of each [source name, table name]. */
    private final Map<List<String>, SourceDefinition> sourcesByName = new java.util.HashMap<>();

    public Manifest(String projectName, Map<String, Node> nodes, Map<String, SourceDefinition> sources,
                    Map<String, Macro> macros, Map<String, Doc> docs, Map<String, Exposure> exposures,
                    Map<String, Node> disabled, Map<String, Object> selectors) {
        this(projectName, nodes, sources, macros, docs, exposures, disabled, selectors, null);
    }

    /**
     * With {@code sortedIds}: every source, node and exposure id, sorted — known already when the manifest comes from
     * the parse cache or differs from a cached one only in node contents; null to sort them here when first needed.
     */
    public Manifest(String projectName, Map<String, Node> nodes, Map<String, SourceDefinition> sources,
                    Map<String, Macro> macros, Map<String, Doc> docs, Map<String, Exposure> exposures,
                    Map<String, Node> disabled, Map<String, Object> selectors, List<String> sortedIds) {
        this(projectName, new LinkedHashMap<>(nodes), new LinkedHashMap<>(sources), new LinkedHashMap<>(macros),
                new LinkedHashMap<>(docs), new LinkedHashMap<>(exposures), new LinkedHashMap<>(disabled),
                new LinkedHashMap<>(selectors), sortedIds, true);
    }

    /**
     * A manifest that takes the given maps as they are, without copying them: for the parse cache, which has just
     * built them and hands them over (copying 80,000 entries seven times was a tenth of a cached parse).
     */
    public static Manifest adopt(String projectName, LinkedHashMap<String, Node> nodes,
                                 LinkedHashMap<String, SourceDefinition> sources, LinkedHashMap<String, Macro> macros,
                                 LinkedHashMap<String, Doc> docs, LinkedHashMap<String, Exposure> exposures,
                                 LinkedHashMap<String, Node> disabled, LinkedHashMap<String, Object> selectors,
                                 List<String> sortedIds) {
        return new Manifest(projectName, nodes, sources, macros, docs, exposures, disabled, selectors, sortedIds, true);
    }

    private Manifest(String projectName, LinkedHashMap<String, Node> nodes,
                     LinkedHashMap<String, SourceDefinition> sources, LinkedHashMap<String, Macro> macros,
                     LinkedHashMap<String, Doc> docs, LinkedHashMap<String, Exposure> exposures,
                     LinkedHashMap<String, Node> disabled, LinkedHashMap<String, Object> selectors,
                     List<String> sortedIds, boolean owned) {
        this.projectName = projectName;
        this.nodes = Collections.unmodifiableMap(nodes);
        this.sources = Collections.unmodifiableMap(sources);
        this.macros = Collections.unmodifiableMap(macros);
        this.docs = Collections.unmodifiableMap(docs);
        this.exposures = Collections.unmodifiableMap(exposures);
        this.disabled = Collections.unmodifiableMap(disabled);
        this.selectors = Collections.unmodifiableMap(selectors);
        List<String> known = sortedIds != null
                && sortedIds.size() == this.sources.size() + this.nodes.size() + this.exposures.size()
                ? List.copyOf(sortedIds) : null;
        this.sortedIds = Memo.of(() -> known != null ? known : sortIds());
        this.parentMap = new ParentMap(Memo.of(this::parents));
        this.children = Memo.of(this::children);
        this.childMap = new LazyMap(children::get);
        for (Node node : this.nodes.values()) {
            if (isRefable(node)) {
                refableByName.computeIfAbsent(node.name, k -> new ArrayList<>(1)).add(node);
            }
        }
        for (SourceDefinition source : this.sources.values()) {
            sourcesByName.putIfAbsent(List.of(source.sourceName, source.name), source);
        }
    }

    /** Every source, node and exposure id, sorted (computed once). */
    public List<String> sortedIds() {
        return sortedIds.get();
    }

    private List<String> sortIds() {
        String[] all = new String[sources.size() + nodes.size() + exposures.size()];
        int n = 0;
        for (String id : sources.keySet()) {
            all[n++] = id;
        }
        for (String id : nodes.keySet()) {
            all[n++] = id;
        }
        for (String id : exposures.keySet()) {
            all[n++] = id;
        }
        java.util.Arrays.sort(all);
        return List.of(all);
    }

    /**
     * Sorts the ids and builds the child map on a thread of its own, for a command that writes manifest.json after
     * other work: a large manifest's are a tenth of a second each, done meanwhile on the other core. Whoever asks
     * for them first waits for the one computation.
     */
    public void prepareMapsAhead() {
        Thread thread = new Thread(() -> children.get(), "sluice-manifest-maps");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The ids {@code id}'s entry in the parent map lists, as that map gives them (without a copy); empty for anything
     * that is not a resource of this manifest.
     */
    public Collection<String> parentsOf(String id) {
        return contains(id) ? Collections.unmodifiableCollection(dependsOn(id)) : List.of();
    }

    /** Parent lists of every resource, in depends-on order; keyed, as dbt's, by exactly the resource ids. */
    private Map<String, List<String>> parents() {
        Map<String, List<String>> parents = new java.util.HashMap<>(sortedIds().size() * 2);
        for (String id : sortedIds()) {
            parents.put(id, List.copyOf(dependsOn(id)));
        }
        return Collections.unmodifiableMap(parents);
    }

    /**
     * Child lists of every resource; walking ids in sorted order leaves every child list sorted. As in dbt, the map has
     * exactly the resource ids as keys (a dependency on anything else has no child entry).
     */
    private Map<String, List<String>> children() {
        Map<String, List<String>> children = new java.util.HashMap<>(sortedIds().size() * 2);
        for (String id : sortedIds()) {
            children.putIfAbsent(id, new ArrayList<>(2));
            for (String parent : dependsOn(id)) {
                List<String> siblings = children.get(parent);
                if (siblings != null) {
                    siblings.add(id);
                } else if (!contains(parent)) {
                    continue; // not a resource (yet, or ever): dbt keeps no child entry for it
                } else {
                    children.put(parent, siblings = new ArrayList<>(2));
                    siblings.add(id);
                }
            }
        }
        return Collections.unmodifiableMap(children);
    }

    private boolean contains(String id) {
        return nodes.containsKey(id) || sources.containsKey(id) || exposures.containsKey(id);
    }

    private Collection<String> dependsOn(String id) {
        Node node = nodes.get(id);
        if (node != null) {
            return node.dependsOnNodes;
        }
        Exposure exposure = exposures.get(id);
        return exposure != null ? exposure.dependsOnNodes : List.of();
    }

    /** A read-only map built on first use (most commands never look at the parent and child maps). */
    private static final class LazyMap extends java.util.AbstractMap<String, List<String>> {
        private final java.util.function.Supplier<Map<String, List<String>>> map;

        LazyMap(java.util.function.Supplier<Map<String, List<String>>> map) {
            this.map = map;
        }

        @Override
        public List<String> get(Object key) {
            return map.get().get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return map.get().containsKey(key);
        }

        @Override
        public int size() {
            return map.get().size();
        }

        @Override
        public Set<Entry<String, List<String>>> entrySet() {
            return map.get().entrySet();
        }
    }

    /**
     * The parent map: single entries are read from the resources themselves (manifest.json reads every one, on
     * several threads); the whole map is built only for iteration.
     */
    private final class ParentMap extends java.util.AbstractMap<String, List<String>> {
        private final Memo<Map<String, List<String>>> all;

        ParentMap(Memo<Map<String, List<String>>> all) {
            this.all = all;
        }

        @Override
        public List<String> get(Object key) {
            return key instanceof String id && contains(id) ? List.copyOf(dependsOn(id)) : null;
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String id && contains(id);
        }

        @Override
        public int size() {
            return sources.size() + nodes.size() + exposures.size();
        }

        @Override
        public Set<Entry<String, List<String>>> entrySet() {
            return all.get().entrySet();
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
