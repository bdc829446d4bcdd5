package dev.sluice.core.docs.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LayeredLayoutTest {

    /** A layered DAG like a dbt project: sources, then models each reading one to three earlier nodes. */
    static LineageGraph dag(int size, long seed) {
        Random random = new Random(seed);
        List<LineageGraph.Node> nodes = new ArrayList<>();
        List<LineageGraph.Edge> edges = new ArrayList<>();
        int sources = Math.max(2, size / 10);
        for (int i = 0; i < size; i++) {
            String type = i < sources ? "source" : "model";
            nodes.add(new LineageGraph.Node(type + ".p.n" + i, "node_" + "x".repeat(i % 17) + i, type, "#123456",
                    type + ".p.n" + i + ".html"));
            if (i >= sources) {
                int parents = 1 + random.nextInt(3);
                for (int p = 0; p < parents; p++) {
                    int parent = random.nextInt(i);
                    edges.add(new LineageGraph.Edge(nodes.get(parent).id(), nodes.get(i).id()));
                }
            }
        }
        return new LineageGraph(nodes, edges.stream().distinct().toList());
    }

    private static void assertLayered(LineageGraph graph, LaidOutGraph laid) {
        assertThat(laid.boxes()).hasSize(graph.nodes().size());
        Map<String, LaidOutGraph.Box> byId = new HashMap<>();
        laid.boxes().forEach(b -> byId.put(b.node().id(), b));
        List<LaidOutGraph.Box> boxes = new ArrayList<>(laid.boxes());
        boxes.sort((a, b) -> Double.compare(a.x(), b.x()));
        for (int i = 0; i < boxes.size(); i++) {
            LaidOutGraph.Box a = boxes.get(i);
            assertThat(a.x()).isGreaterThanOrEqualTo(0);
            assertThat(a.y()).isGreaterThanOrEqualTo(0);
            assertThat(a.x() + a.width()).isLessThanOrEqualTo(laid.width());
            assertThat(a.y() + a.height()).isLessThanOrEqualTo(laid.height());
            for (int j = i + 1; j < boxes.size() && boxes.get(j).x() < a.x() + a.width(); j++) {
                assertThat(a.overlaps(boxes.get(j))).as(a.node().id() + " and " + boxes.get(j).node().id()).isFalse();
            }
        }
        // left to right: every edge leaves its source's right side for a box further right
        for (LineageGraph.Edge edge : graph.edges()) {
            LaidOutGraph.Box from = byId.get(edge.from());
            LaidOutGraph.Box to = byId.get(edge.to());
            assertThat(from.x() + from.width()).as(edge.toString()).isLessThanOrEqualTo(to.x());
        }
        assertThat(laid.routes()).hasSize(graph.edges().size());
        laid.routes().forEach(r -> assertThat(r.points().size()).isGreaterThanOrEqualTo(2));
    }

    @Test
    void smallGraphIsLaidOutLeftToRightWithoutOverlaps() {
        LineageGraph graph = dag(60, 1);
        assertLayered(graph, new LayeredLayout().layout(graph));
    }

    @Test
    void largeGraphUsesTheFastStrategiesAndStaysCompact() {
        LineageGraph graph = dag(LayeredLayout.LARGE + 200, 2);
        LaidOutGraph laid = new LayeredLayout().layout(graph);
        assertLayered(graph, laid);
        // no more than a few hundred pixels of drawing per box: dummy nodes of long edges do not blow it up
        assertThat(laid.width() * laid.height() / graph.nodes().size()).isLessThan(250_000);
    }

    @Test
    void svgLinksEveryBoxToItsPageAndEscapesLabels() {
        LineageGraph graph = new LineageGraph(List.of(
                new LineageGraph.Node("source.p.raw.t", "raw.t", "source", "#c26a12", "source.p.raw.t.html"),
                new LineageGraph.Node("model.p.m", "m<script>", "model", "red", "model.p.m.html")),
                List.of(new LineageGraph.Edge("source.p.raw.t", "model.p.m")));
        String svg = LineageSvg.render(new LayeredLayout().layout(graph));
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").contains("data-nodes=\"2\"")
                .contains("<a class=\"node t-model\" href=\"model.p.m.html\" data-id=\"model.p.m\"")
                .contains("m&lt;script&gt;").doesNotContain("m<script>")
                .contains("data-from=\"source.p.raw.t\" data-to=\"model.p.m\"").contains("fill=\"red\"");
    }

    @Test
    void queriesPickTheNeighbourhoodDepthThatFitsAndEvaluateSelections() {
        LineageGraph graph = dag(300, 3);
        LineageQueries queries = new LineageQueries(graph, (select, exclude) -> new LineageQueries.Selected(
                Set.of("model.p.n100", "model.p.n200"), List.of("selected by " + select)));
        String focus = "model.p.n150";
        LineageQueries.View auto = queries.focus(focus, -1);
        assertThat(auto.nodes()).isLessThanOrEqualTo(LineageQueries.NEIGHBOURHOOD_CAP).isGreaterThan(1);
        assertThat(auto.nodes()).isEqualTo(queries.neighbourhood(focus, auto.depth()).size());
        assertThat(queries.neighbourhood(focus, auto.depth() + 1).size())
                .satisfiesAnyOf(n -> assertThat(n).isGreaterThan(LineageQueries.NEIGHBOURHOOD_CAP),
                        n -> assertThat(n).isEqualTo(auto.nodes()));
        assertThat(queries.focus(focus, -1)).isSameAs(auto);
        assertThat(queries.focus(focus, 1).nodes()).isEqualTo(queries.neighbourhood(focus, 1).size());
        LineageQueries.View selected = queries.select("tag:x", "");
        assertThat(selected.nodes()).isEqualTo(2);
        assertThat(selected.warnings()).containsExactly("selected by tag:x");
        assertThat(selected.svg()).contains("data-id=\"model.p.n100\"").contains("data-id=\"model.p.n200\"");
        assertThat(queries.focus("model.p.nope", -1).nodes()).isZero();
    }
}
