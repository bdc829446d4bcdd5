package dev.sluice.core.docs.site;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.docs.graph.LineageGraph;
import dev.sluice.core.manifest.ColumnInfo;
import dev.sluice.core.manifest.Exposure;
import dev.sluice.core.manifest.Macro;
import dev.sluice.core.manifest.Manifest;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.ResourceType;
import dev.sluice.core.manifest.SourceDefinition;
import dev.sluice.spi.CatalogEntry;
import dev.sluice.spi.Column;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The data every page's script reads, written once as {@code docs/data/nav.js} (a script, not a JSON fetch, so the site
 * works from file://): the project and database trees, the search index, and the lineage graph's nodes and edges
 * with what client-side selection needs (name, type, package, path, tags, fqn, source name).
 */
final class SiteData {
    private final ObjectMapper mapper = new ObjectMapper();
    private final DocsInput input;
    private final Markdown markdown;
    private final LineageGraph graph;

    SiteData(DocsInput input, Markdown markdown, LineageGraph graph) {
        this.input = input;
        this.markdown = markdown;
        this.graph = graph;
    }

    String script() {
        ObjectNode root = mapper.createObjectNode();
        root.put("project", input.manifest().projectName);
        root.put("generatedAt", input.generatedAt().toString());
        root.set("projectTree", projectTree());
        root.set("databaseTree", databaseTree());
        root.set("search", searchIndex());
        root.set("graph", graphMeta());
        try {
            return "window.SLUICE_NAV = " + Html.scriptSafe(mapper.writeValueAsString(root)) + ";\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Folders by package, then resource kind, then path; leaves are pages. */
    private ArrayNode projectTree() {
        Map<String, Object> tree = new TreeMap<>();
        Manifest m = input.manifest();
        for (Node node : m.nodes.values()) {
            if (node.resourceType == ResourceType.UNIT_TEST || node.resourceType == ResourceType.OPERATION) {
                continue;
            }
            List<String> path = new ArrayList<>();
            path.add(node.packageName);
            if (node.resourceType == ResourceType.TEST) {
                path.add("tests");
                path.add(node.name);
            } else {
                path.addAll(List.of(node.originalFilePath.split("/")));
                path.set(path.size() - 1, node.name);
            }
            put(tree, path, leaf(node.uniqueId, node.name, node.resourceType.dbtName()));
        }
        for (SourceDefinition s : m.sources.values()) {
            put(tree, List.of(s.packageName, "sources", s.sourceName, s.name),
                    leaf(s.uniqueId, s.name, "source"));
        }
        for (Exposure e : m.exposures.values()) {
            put(tree, List.of(e.packageName, "exposures", e.name), leaf(e.uniqueId, e.name, "exposure"));
        }
        for (Macro macro : m.macros.values()) {
            put(tree, List.of(macro.packageName(), "macros", macro.name()), leaf(macro.uniqueId(), macro.name(), "macro"));
        }
        return toJson(tree);
    }

    /** Database, then schema, then relation, for everything that is (or reads) a warehouse relation. */
    private ArrayNode databaseTree() {
        Map<String, Object> tree = new TreeMap<>();
        Manifest m = input.manifest();
        for (Node node : m.nodes.values()) {
            if (dev.sluice.core.compile.Relations.builds(node)) {
                put(tree, List.of(String.valueOf(node.database), String.valueOf(node.schema),
                        node.alias == null ? node.name : node.alias), leaf(node.uniqueId,
                        node.alias == null ? node.name : node.alias, node.resourceType.dbtName()));
            }
        }
        for (SourceDefinition s : m.sources.values()) {
            put(tree, List.of(String.valueOf(s.database), String.valueOf(s.schema), s.identifier),
                    leaf(s.uniqueId, s.identifier, "source"));
        }
        return toJson(tree);
    }

    private ObjectNode leaf(String id, String name, String type) {
        ObjectNode leaf = mapper.createObjectNode();
        leaf.put("n", name);
        leaf.put("t", type);
        leaf.put("h", Pages.of(id));
        return leaf;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> tree, List<String> path, ObjectNode leaf) {
        Map<String, Object> at = tree;
        for (int i = 0; i < path.size() - 1; i++) {
            Object next = at.computeIfAbsent("/" + path.get(i), k -> new TreeMap<String, Object>());
            at = (Map<String, Object>) next;
        }
        at.put(path.get(path.size() - 1) + "\u0000" + leaf.get("h").asText(), leaf);
    }

    /** Folders (keys starting with /) first, then leaves, each sorted by name. */
    @SuppressWarnings("unchecked")
    private ArrayNode toJson(Map<String, Object> tree) {
        ArrayNode out = mapper.createArrayNode();
        tree.forEach((key, value) -> {
            if (value instanceof Map<?, ?> folder) {
                ObjectNode f = out.addObject();
                f.put("n", key.substring(1));
                f.set("c", toJson((Map<String, Object>) folder));
            }
        });
        tree.values().forEach(value -> {
            if (value instanceof ObjectNode leaf) {
                out.add(leaf);
            }
        });
        return out;
    }

    /** One entry per page: name, type, description as plain text, column names and their descriptions. */
    private ArrayNode searchIndex() {
        ArrayNode out = mapper.createArrayNode();
        Manifest m = input.manifest();
        for (Node node : m.nodes.values()) {
            if (node.resourceType == ResourceType.UNIT_TEST || node.resourceType == ResourceType.OPERATION) {
                continue;
            }
            entry(out, node.uniqueId, node.name, node.resourceType.dbtName(), node.description,
                    columns(node.uniqueId, node.columns), node.tags());
        }
        for (SourceDefinition s : m.sources.values()) {
            entry(out, s.uniqueId, s.sourceName + "." + s.name, "source",
                    join(s.description, s.sourceDescription), columns(s.uniqueId, s.columns), s.tags);
        }
        for (Exposure e : m.exposures.values()) {
            entry(out, e.uniqueId, e.name, "exposure", e.description, Map.of(), e.tags);
        }
        for (Macro macro : m.macros.values()) {
            if (macro.packageName().equals(m.projectName)) {
                entry(out, macro.uniqueId(), macro.name(), "macro", "", Map.of(), List.of());
            }
        }
        return out;
    }

    private static String join(String a, String b) {
        return (a == null ? "" : a) + (b == null || b.isBlank() ? "" : "\n\n" + b);
    }

    /** Documented columns and, from the catalog, the warehouse's columns: name -> description. */
    private Map<String, String> columns(String id, Map<String, ColumnInfo> documented) {
        Map<String, String> out = new LinkedHashMap<>();
        CatalogEntry entry = input.catalog().entry(id);
        if (entry != null) {
            for (Column column : entry.columns()) {
                out.put(column.name(), "");
            }
        }
        documented.values().forEach(c -> {
            String existing = out.keySet().stream().filter(k -> k.equalsIgnoreCase(c.name)).findFirst().orElse(c.name);
            out.put(existing, c.description == null ? "" : c.description);
        });
        return out;
    }

    private void entry(ArrayNode out, String id, String name, String type, String description,
                       Map<String, String> columns, List<String> tags) {
        ObjectNode e = out.addObject();
        e.put("h", Pages.of(id));
        e.put("n", name);
        e.put("t", type);
        String text = markdown.toText(description);
        e.put("d", text.length() > 400 ? text.substring(0, 400) : text);
        ArrayNode cols = e.putArray("c");
        StringBuilder colText = new StringBuilder();
        columns.forEach((column, desc) -> {
            cols.add(column);
            if (!desc.isBlank()) {
                colText.append(column).append(": ").append(markdown.toText(desc)).append(" \u0001 ");
            }
        });
        if (colText.length() > 0) {
            e.put("cd", colText.toString());
        }
        if (tags != null && !tags.isEmpty()) {
            ArrayNode t = e.putArray("g");
            tags.forEach(t::add);
        }
    }

    /** The graph for client-side selection and layout: nodes with their selectable attributes, edges as index pairs. */
    private ObjectNode graphMeta() {
        ObjectNode out = mapper.createObjectNode();
        ArrayNode nodes = out.putArray("nodes");
        Map<String, Integer> index = new LinkedHashMap<>();
        Manifest m = input.manifest();
        for (LineageGraph.Node node : graph.nodes()) {
            index.put(node.id(), index.size());
            ObjectNode n = nodes.addObject();
            n.put("id", node.id());
            n.put("l", node.label());
            n.put("t", node.resourceType());
            n.put("c", node.color());
            n.put("h", node.href());
            Set<String> tags = new LinkedHashSet<>();
            String name;
            String pkg;
            String path;
            List<String> fqn;
            Node mn = m.nodes.get(node.id());
            SourceDefinition source = m.sources.get(node.id());
            Exposure exposure = m.exposures.get(node.id());
            if (mn != null) {
                name = mn.name;
                pkg = mn.packageName;
                path = mn.originalFilePath;
                fqn = mn.fqn;
                tags.addAll(mn.tags());
            } else if (source != null) {
                name = source.name;
                pkg = source.packageName;
                path = source.originalFilePath;
                fqn = source.fqn;
                tags.addAll(source.tags);
                n.put("s", source.sourceName);
            } else {
                name = exposure.name;
                pkg = exposure.packageName;
                path = exposure.originalFilePath;
                fqn = exposure.fqn;
                tags.addAll(exposure.tags);
            }
            n.put("n", name);
            n.put("p", pkg);
            n.put("f", path);
            ArrayNode fq = n.putArray("q");
            fqn.forEach(fq::add);
            if (!tags.isEmpty()) {
                ArrayNode g = n.putArray("g");
                tags.forEach(g::add);
            }
        }
        ArrayNode edges = out.putArray("edges");
        for (LineageGraph.Edge edge : graph.edges()) {
            ArrayNode pair = edges.addArray();
            pair.add(index.get(edge.from()));
            pair.add(index.get(edge.to()));
        }
        return out;
    }
}
