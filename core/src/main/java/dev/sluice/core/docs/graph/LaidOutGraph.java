package dev.sluice.core.docs.graph;

import java.util.List;

/** A lineage graph with coordinates: every box's rectangle and every edge's route, in one coordinate space. */
public record LaidOutGraph(double width, double height, List<Box> boxes, List<Route> routes) {

    public record Box(LineageGraph.Node node, double x, double y, double width, double height) {
        public boolean overlaps(Box other) {
            return x < other.x + other.width && other.x < x + width && y < other.y + other.height
                    && other.y < y + height;
        }
    }

    /** An edge's route from its source's right side to its target's left side: start, bends, end. */
    public record Route(String from, String to, List<double[]> points) {
    }

    public LaidOutGraph {
        boxes = List.copyOf(boxes);
        routes = List.copyOf(routes);
    }
}
