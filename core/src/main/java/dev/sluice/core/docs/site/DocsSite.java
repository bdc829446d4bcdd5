package dev.sluice.core.docs.site;

import dev.sluice.core.docs.graph.LaidOutGraph;
import dev.sluice.core.docs.graph.LayeredLayout;
import dev.sluice.core.docs.graph.LineageGraph;
import dev.sluice.core.docs.graph.LineageGraphs;
import dev.sluice.core.docs.graph.LineageSvg;
import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.manifest.Doc;
import dev.sluice.core.manifest.Exposure;
import dev.sluice.core.manifest.Macro;
import dev.sluice.core.manifest.Manifest;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.ResourceType;
import dev.sluice.core.manifest.SourceDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the static docs site into the target folder: {@code index.html} beside the artifacts, and under
 * {@code docs/}: one page per node, source, exposure and macro, {@code lineage.html} (the whole project's graph, laid
 * out here with ELK, with a selection filter), {@code data/nav.js} (trees, search index, graph for the page script),
 * {@code data/lineage.js} (the project graph's SVG) and {@code assets/} (one stylesheet, one script; nothing is
 * fetched from the internet). Data travels as scripts, not JSON fetches, so every page opens from file:// too.
 */
public final class DocsSite {
    /** What was written: the number of pages and the size and layout time of the project graph. */
    public record Written(int pages, int graphNodes, int graphEdges, long layoutMillis) {
    }

    private static final List<String> ASSETS = List.of("docs.css", "docs.js");

    public Written write(DocsInput input, Path targetDir) {
        Markdown markdown = new Markdown();
        Manifest manifest = input.manifest();
        Path docs = targetDir.resolve("docs");
        LineageGraph graph = LineageGraphs.of(manifest);
        long started = System.nanoTime();
        LaidOutGraph laidOut = new LayeredLayout().layout(graph);
        String svg = LineageSvg.render(laidOut);
        long layoutMillis = (System.nanoTime() - started) / 1_000_000;
        try {
            clean(docs);
            Files.createDirectories(docs.resolve("assets"));
            Files.createDirectories(docs.resolve("data"));
            for (String asset : ASSETS) {
                try (InputStream in = DocsSite.class.getResourceAsStream(asset)) {
                    if (in == null) {
                        throw new IllegalStateException("docs asset missing from the jar: " + asset);
                    }
                    Files.write(docs.resolve("assets").resolve(asset), in.readAllBytes());
                }
            }
            Files.writeString(docs.resolve("data/nav.js"), new SiteData(input, markdown, graph).script());
            Files.writeString(docs.resolve("data/lineage.js"), "window.SLUICE_PROJECT_SVG = "
                    + Html.scriptSafe(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(svg))
                    + ";\n");
            NodePage pages = new NodePage(input, markdown);
            int count = 0;
            for (Node node : manifest.nodes.values()) {
                if (node.resourceType != ResourceType.UNIT_TEST && node.resourceType != ResourceType.OPERATION) {
                    Files.writeString(docs.resolve(Pages.of(node.uniqueId)), pages.node(node));
                    count++;
                }
            }
            for (SourceDefinition source : manifest.sources.values()) {
                Files.writeString(docs.resolve(Pages.of(source.uniqueId)), pages.source(source));
                count++;
            }
            for (Exposure exposure : manifest.exposures.values()) {
                Files.writeString(docs.resolve(Pages.of(exposure.uniqueId)), pages.exposure(exposure));
                count++;
            }
            for (Macro macro : manifest.macros.values()) {
                Files.writeString(docs.resolve(Pages.of(macro.uniqueId())), pages.macro(macro, ""));
                count++;
            }
            Files.writeString(docs.resolve(Pages.LINEAGE), lineagePage(manifest.projectName, graph));
            Files.writeString(targetDir.resolve("index.html"), indexPage(input, markdown, graph));
            return new Written(count + 2, graph.nodes().size(), graph.edges().size(), layoutMillis);
        } catch (IOException | UncheckedIOException e) {
            throw new SluiceException(ErrorCode.IO, "cannot write the docs site under " + docs + ": " + e.getMessage());
        }
    }

    /** Pages of an earlier generate would linger after a node is deleted: the docs folder is rewritten whole. */
    private static void clean(Path docs) throws IOException {
        if (!Files.isDirectory(docs)) {
            return;
        }
        try (var walk = Files.walk(docs)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String lineagePage(String project, LineageGraph graph) {
        String main = "<h1>Lineage</h1><form id=\"lineage-filter\" class=\"filter\" autocomplete=\"off\">"
                + "<label>--select <input name=\"select\" id=\"select\" placeholder=\"e.g. +customers+ or "
                + "tag:finance\" spellcheck=\"false\"></label><label>--exclude <input name=\"exclude\" id=\"exclude\" "
                + "spellcheck=\"false\"></label><button type=\"submit\">Filter</button>"
                + "<button type=\"button\" id=\"lineage-reset\">Whole project</button></form>"
                + "<p class=\"muted\" id=\"lineage-status\">" + graph.nodes().size() + " nodes, " + graph.edges().size()
                + " edges. Scroll to zoom, drag to pan, click a node to open its page.</p>"
                + "<div class=\"legend\">" + legend() + "</div>"
                + "<div id=\"lineage-main\" class=\"lineage-panel big\"></div>";
        return Shell.page(project, "Lineage", "lineage", "", "../index.html", main,
                "<script src=\"data/lineage.js\"></script>");
    }

    private static String legend() {
        StringBuilder out = new StringBuilder();
        for (String type : List.of("source", "seed", "model", "snapshot", "analysis", "exposure")) {
            out.append("<span><i style=\"background:").append(LineageGraphs.typeColor(type)).append("\"></i>")
                    .append(type).append("</span>");
        }
        return out.toString();
    }

    private static String indexPage(DocsInput input, Markdown markdown, LineageGraph graph) {
        Manifest m = input.manifest();
        Doc overview = m.docs.values().stream()
                .filter(d -> d.name().equals("__overview__") && d.packageName().equals(m.projectName)).findFirst()
                .orElseGet(() -> m.docs.values().stream().filter(d -> d.name().equals("__overview__")).findFirst()
                        .orElse(null));
        StringBuilder main = new StringBuilder();
        if (overview != null && !overview.blockContents().isBlank()) {
            main.append("<section id=\"overview\" class=\"md\">").append(markdown.toHtml(overview.blockContents()));
        } else {
            main.append("<h1>").append(Html.esc(m.projectName)).append("</h1><section id=\"overview\" class=\"md\">");
            main.append("<p>Welcome to the documentation of <strong>").append(Html.esc(m.projectName))
                    .append("</strong>. Find a model in the tree or search by name, description or column; the ")
                    .append("<a href=\"docs/lineage.html\">lineage graph</a> shows how data flows.</p>");
        }
        main.append("</section><section id=\"counts\"><h2>In this project</h2><ul class=\"counts\">");
        for (ResourceType type : List.of(ResourceType.MODEL, ResourceType.SEED, ResourceType.SNAPSHOT,
                ResourceType.TEST, ResourceType.ANALYSIS)) {
            long n = m.nodes.values().stream().filter(x -> x.resourceType == type).count();
            if (n > 0) {
                main.append("<li><b>").append(n).append("</b> ").append(type.dbtName()).append(n == 1 ? "" : "s")
                        .append("</li>");
            }
        }
        if (!m.sources.isEmpty()) {
            main.append("<li><b>").append(m.sources.size()).append("</b> source tables</li>");
        }
        if (!m.exposures.isEmpty()) {
            main.append("<li><b>").append(m.exposures.size()).append("</b> exposures</li>");
        }
        main.append("</ul><p class=\"muted\">Generated ").append(Html.esc(input.generatedAt().toString()))
                .append(" \u00b7 lineage: ").append(graph.nodes().size()).append(" nodes</p></section>");
        return Shell.page(m.projectName, "Overview", "index", "docs/", "index.html", main.toString(), "");
    }
}
