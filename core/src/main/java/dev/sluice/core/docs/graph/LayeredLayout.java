package dev.sluice.core.docs.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.LayeredLayoutProvider;
import org.eclipse.elk.alg.layered.options.CrossingMinimizationStrategy;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.LayeringStrategy;
import org.eclipse.elk.alg.layered.options.NodePlacementStrategy;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays a {@link LineageGraph} out left to right in layers with the Eclipse Layout Kernel's layered algorithm (Sugiyama:
 * layering, crossing minimisation, node placement, edge routing), so no two boxes overlap and edges point right.
 * Large graphs (over {@link #LARGE} boxes) use the cheaper strategies of each phase (boxes layered by their longest path
 * from a source, one crossing-minimisation pass, simple placement, tight edge spacing), so 5,000 boxes lay out in
 * seconds and the drawing stays compact.
 * Box widths follow the label's length; a layout is deterministic for a given graph.
 */
public final class LayeredLayout {
    /** From this many boxes on, the fast strategies are used. */
    public static final int LARGE = 400;
    static final double BOX_HEIGHT = 30;
    static final double CHAR_WIDTH = 7.2;
    static final double PADDING = 24;

    /**
     * ELK keeps its option metadata (and the reflection it clones default values with) in a JVM-wide service; it must be
     * filled once before the first layout. This holds no state of Sluice's own.
     */
    private static final class ElkSetup {
        static {
            org.eclipse.elk.core.data.LayoutMetaDataService.getInstance()
                    .registerLayoutMetaDataProviders(new org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider());
        }

        static void ensure() {
            // loading the class runs the registration once
        }
    }

    public LaidOutGraph layout(LineageGraph graph) {
        ElkSetup.ensure();
        if (graph.nodes().isEmpty()) {
            return new LaidOutGraph(0, 0, List.of(), List.of());
        }
        boolean large = graph.nodes().size() > LARGE;
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.POLYLINE);
        root.setProperty(CoreOptions.SPACING_NODE_NODE, 14.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 60.0);
        root.setProperty(CoreOptions.SPACING_EDGE_NODE, 8.0);
        root.setProperty(CoreOptions.PADDING, new org.eclipse.elk.core.math.ElkPadding(20));
        root.setProperty(CoreOptions.RANDOM_SEED, 1);
        if (large) {
            root.setProperty(LayeredOptions.LAYERING_STRATEGY, LayeringStrategy.LONGEST_PATH_SOURCE);
            root.setProperty(LayeredOptions.THOROUGHNESS, 1);
            root.setProperty(LayeredOptions.CROSSING_MINIMIZATION_STRATEGY, CrossingMinimizationStrategy.LAYER_SWEEP);
            // long edges pass through a dummy node in every layer they cross; thousands of them would spread the
            // drawing over 100,000 px: pack layers tightly and let edges run close together
            root.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY, NodePlacementStrategy.SIMPLE);
            double es = 2;
            root.setProperty(LayeredOptions.SPACING_EDGE_EDGE, es);
            root.setProperty(CoreOptions.SPACING_EDGE_NODE, es);
            root.setProperty(LayeredOptions.SPACING_EDGE_EDGE_BETWEEN_LAYERS, es);
            root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, es);
        }
        Map<String, ElkNode> elkNodes = new HashMap<>();
        Map<ElkNode, LineageGraph.Node> back = new HashMap<>();
        for (LineageGraph.Node node : graph.nodes()) {
            ElkNode elk = ElkGraphUtil.createNode(root);
            elk.setIdentifier(node.id());
            elk.setWidth(width(node));
            elk.setHeight(BOX_HEIGHT);
            elkNodes.put(node.id(), elk);
            back.put(elk, node);
        }
        List<ElkEdge> elkEdges = new ArrayList<>();
        List<LineageGraph.Edge> edges = new ArrayList<>();
        for (LineageGraph.Edge edge : graph.edges()) {
            ElkNode from = elkNodes.get(edge.from());
            ElkNode to = elkNodes.get(edge.to());
            if (from != null && to != null && from != to) {
                elkEdges.add(ElkGraphUtil.createSimpleEdge(from, to));
                edges.add(edge);
            }
        }
        new LayeredLayoutProvider().layout(root, new BasicProgressMonitor());

        List<LaidOutGraph.Box> boxes = new ArrayList<>();
        for (ElkNode elk : root.getChildren()) {
            boxes.add(new LaidOutGraph.Box(back.get(elk), elk.getX(), elk.getY(), elk.getWidth(), elk.getHeight()));
        }
        List<LaidOutGraph.Route> routes = new ArrayList<>();
        for (int i = 0; i < elkEdges.size(); i++) {
            List<double[]> points = new ArrayList<>();
            for (ElkEdgeSection section : elkEdges.get(i).getSections()) {
                points.add(new double[] {section.getStartX(), section.getStartY()});
                for (ElkBendPoint bend : section.getBendPoints()) {
                    points.add(new double[] {bend.getX(), bend.getY()});
                }
                points.add(new double[] {section.getEndX(), section.getEndY()});
            }
            routes.add(new LaidOutGraph.Route(edges.get(i).from(), edges.get(i).to(), points));
        }
        return new LaidOutGraph(root.getWidth(), root.getHeight(), boxes, routes);
    }

    static double width(LineageGraph.Node node) {
        return Math.max(60, Math.min(node.label().length(), 48) * CHAR_WIDTH + PADDING);
    }
}
