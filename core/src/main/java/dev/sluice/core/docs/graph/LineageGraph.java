package dev.sluice.core.docs.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lineage graph as drawn: boxes (models, seeds, snapshots, sources, exposures, analyses) and the edges between
 * them. Tests are not boxes; they are listed on their model's page.
 */
public record LineageGraph(List<Node> nodes, List<Edge> edges) {

    /** One box: {@code href} is the node's page relative to the docs folder, {@code color} a CSS colour. */
    public record Node(String id, String label, String resourceType, String color, String href) {
    }

    public record Edge(String from, String to) {
    }

    public LineageGraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /** The subgraph on {@code ids}: those nodes (in this graph's order) and the edges between two of them. */
    public LineageGraph restrictTo(Collection<String> ids) {
        Set<String> keep = ids instanceof Set<String> set ? set : new java.util.HashSet<>(ids);
        List<Node> kept = nodes.stream().filter(n -> keep.contains(n.id())).toList();
        List<Edge> keptEdges = edges.stream().filter(e -> keep.contains(e.from()) && keep.contains(e.to())).toList();
        return new LineageGraph(kept, keptEdges);
    }

    public Map<String, Node> byId() {
        Map<String, Node> out = new LinkedHashMap<>();
        nodes.forEach(n -> out.put(n.id(), n));
        return out;
    }

    /** Parents and children of every node, for neighbourhood walks. */
    public Map<String, List<String>> parents() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        nodes.forEach(n -> out.put(n.id(), new ArrayList<>()));
        edges.forEach(e -> out.get(e.to()).add(e.from()));
        return out;
    }

    public Map<String, List<String>> children() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        nodes.forEach(n -> out.put(n.id(), new ArrayList<>()));
        edges.forEach(e -> out.get(e.from()).add(e.to()));
        return out;
    }
}
