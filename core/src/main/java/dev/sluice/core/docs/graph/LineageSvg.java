package dev.sluice.core.docs.graph;

import dev.sluice.core.docs.site.Html;
import java.util.Locale;

/**
 * Draws a laid-out lineage graph as one SVG element: edges (with arrowheads) under boxes; each box is a link to its
 * node's page carrying {@code data-id} and {@code data-type}, each edge carries {@code data-from}/{@code data-to}, so
 * the page script can highlight, filter and zoom without re-drawing. Links are relative to the docs folder.
 */
public final class LineageSvg {
    private LineageSvg() {
    }

    public static String render(LaidOutGraph graph) {
        StringBuilder out = new StringBuilder(256 + graph.boxes().size() * 260 + graph.routes().size() * 120);
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"lineage-svg\" viewBox=\"0 0 ")
                .append(num(Math.max(1, graph.width()))).append(' ').append(num(Math.max(1, graph.height())))
                .append("\" data-nodes=\"").append(graph.boxes().size()).append("\">")
                .append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" "
                        + "markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0L10,5L0,10z\" "
                        + "fill=\"#8a96a3\"/></marker></defs><g class=\"edges\">");
        for (LaidOutGraph.Route route : graph.routes()) {
            if (route.points().isEmpty()) {
                continue;
            }
            out.append("<path class=\"edge\" data-from=\"").append(Html.esc(route.from())).append("\" data-to=\"")
                    .append(Html.esc(route.to())).append("\" d=\"");
            for (int i = 0; i < route.points().size(); i++) {
                double[] p = route.points().get(i);
                out.append(i == 0 ? 'M' : 'L').append(num(p[0])).append(',').append(num(p[1]));
            }
            out.append("\" marker-end=\"url(#arrow)\"/>");
        }
        out.append("</g><g class=\"nodes\">");
        for (LaidOutGraph.Box box : graph.boxes()) {
            LineageGraph.Node node = box.node();
            out.append("<a class=\"node t-").append(node.resourceType()).append("\" href=\"")
                    .append(Html.esc(node.href())).append("\" data-id=\"").append(Html.esc(node.id()))
                    .append("\" data-type=\"").append(node.resourceType()).append("\"><title>")
                    .append(Html.esc(node.resourceType() + " " + node.id())).append("</title><rect x=\"")
                    .append(num(box.x())).append("\" y=\"").append(num(box.y())).append("\" width=\"")
                    .append(num(box.width())).append("\" height=\"").append(num(box.height()))
                    .append("\" rx=\"6\" fill=\"").append(Html.esc(node.color())).append("\"/><text x=\"")
                    .append(num(box.x() + box.width() / 2)).append("\" y=\"").append(num(box.y() + box.height() / 2))
                    .append("\">").append(Html.esc(shorten(node.label()))).append("</text></a>");
        }
        return out.append("</g></svg>").toString();
    }

    static String shorten(String label) {
        return label.length() <= 48 ? label : label.substring(0, 46) + "\u2026";
    }

    private static String num(double value) {
        if (value == Math.rint(value)) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
