package dev.sluice.core.docs.graph;

import dev.sluice.core.docs.site.Pages;
import dev.sluice.core.manifest.Exposure;
import dev.sluice.core.manifest.Manifest;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.NodeConfig;
import dev.sluice.core.manifest.ResourceType;
import dev.sluice.core.manifest.SourceDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The project's lineage graph from its manifest: models, seeds, snapshots, analyses, sources and exposures (tests are
 * left out), edges from the manifest's parent map, each box coloured by its resource type unless its
 * {@code docs.node_color} config names a colour. Nodes with {@code docs.show: false} are left out, as dbt-docs does.
 */
public final class LineageGraphs {
    /** A hex colour ({@code #0a0}, {@code #00aa00}) or a CSS colour name; anything else is ignored. */
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,30}");
    private static final Map<String, String> TYPE_COLORS = Map.of(
            "model", "#0f6fa8", "seed", "#2f8a4a", "snapshot", "#7a4fb5", "source", "#c26a12",
            "exposure", "#b8325b", "analysis", "#5b6770");

    private LineageGraphs() {
    }

    public static String typeColor(String resourceType) {
        return TYPE_COLORS.getOrDefault(resourceType, "#5b6770");
    }

    public static LineageGraph of(Manifest manifest) {
        Map<String, LineageGraph.Node> nodes = new LinkedHashMap<>();
        for (SourceDefinition source : manifest.sources.values()) {
            if (shown(source.config)) {
                nodes.put(source.uniqueId, new LineageGraph.Node(source.uniqueId, source.sourceName + "." + source.name,
                        "source", color(source.config, "source"), Pages.of(source.uniqueId)));
            }
        }
        for (Node node : manifest.nodes.values()) {
            if (drawn(node.resourceType) && shown(node.config)) {
                String type = node.resourceType.dbtName();
                nodes.put(node.uniqueId, new LineageGraph.Node(node.uniqueId, node.name, type,
                        color(node.config, type), Pages.of(node.uniqueId)));
            }
        }
        for (Exposure exposure : manifest.exposures.values()) {
            nodes.put(exposure.uniqueId, new LineageGraph.Node(exposure.uniqueId,
                    exposure.label == null || exposure.label.isBlank() ? exposure.name : exposure.label, "exposure",
                    color(exposure.config, "exposure"), Pages.of(exposure.uniqueId)));
        }
        List<LineageGraph.Edge> edges = new ArrayList<>();
        new java.util.TreeMap<>(manifest.parentMap).forEach((child, parents) -> { // sorted: a stable layout
            if (nodes.containsKey(child)) {
                for (String parent : parents) {
                    if (nodes.containsKey(parent)) {
                        edges.add(new LineageGraph.Edge(parent, child));
                    }
                }
            }
        });
        return new LineageGraph(new ArrayList<>(nodes.values()), edges);
    }

    static boolean drawn(ResourceType type) {
        return type == ResourceType.MODEL || type == ResourceType.SEED || type == ResourceType.SNAPSHOT
                || type == ResourceType.ANALYSIS;
    }

    private static boolean shown(NodeConfig config) {
        return !(config.get("docs") instanceof Map<?, ?> docs) || !Boolean.FALSE.equals(docs.get("show"))
                && !"false".equalsIgnoreCase(String.valueOf(docs.get("show")));
    }

    private static String color(NodeConfig config, String type) {
        if (config.get("docs") instanceof Map<?, ?> docs && docs.get("node_color") != null) {
            String asked = String.valueOf(docs.get("node_color")).trim();
            if (COLOR.matcher(asked).matches()) {
                return asked;
            }
        }
        return typeColor(type);
    }
}
