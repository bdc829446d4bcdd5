package dev.sluice.core.docs.site;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sluice.core.compile.Relations;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The page of one model, seed, snapshot, analysis, test, source, exposure or macro: description and columns (types from
 * the catalog, descriptions from YAML, tests per column), column lineage, the lineage panel, parents and children,
 * config, raw and compiled code. All text from the project is escaped; descriptions are rendered Markdown.
 */
final class NodePage {
    private final DocsInput input;
    private final Markdown markdown;
    private final Map<String, List<Node>> testsByNode;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    NodePage(DocsInput input, Markdown markdown) {
        this.input = input;
        this.markdown = markdown;
        this.testsByNode = new LinkedHashMap<>();
        for (Node node : input.manifest().nodes.values()) {
            if (node.resourceType == ResourceType.TEST) {
                String attached = node.attachedNode != null ? node.attachedNode
                        : node.dependsOnNodes.stream().findFirst().orElse(null);
                for (String parent : node.attachedNode != null ? List.of(attached) : node.dependsOnNodes) {
                    testsByNode.computeIfAbsent(parent, k -> new ArrayList<>()).add(node);
                }
            }
        }
    }

    private Manifest manifest() {
        return input.manifest();
    }

    String node(Node node) {
        StringBuilder main = new StringBuilder();
        String type = node.resourceType.dbtName();
        header(main, type, node.name, node.uniqueId);
        List<String> facts = new ArrayList<>();
        if (Relations.builds(node)) {
            facts.add("<code class=\"relation\">" + Html.esc(relationName(node.database, node.schema,
                    node.alias == null ? node.name : node.alias)) + "</code>");
        }
        if (node.resourceType == ResourceType.MODEL || node.resourceType == ResourceType.SNAPSHOT) {
            facts.add("materialized: " + Html.esc(node.resourceType == ResourceType.SNAPSHOT ? "snapshot"
                    : node.materialized()));
        }
        facts.add("package: " + Html.esc(node.packageName));
        facts.add("file: <code>" + Html.esc(node.originalFilePath) + "</code>");
        if (!"sql".equals(node.language)) {
            facts.add("language: " + Html.esc(node.language));
        }
        facts(main, facts, node.tags());
        description(main, node.description);
        if (node.resourceType == ResourceType.TEST) {
            testDetails(main, node);
        } else {
            columns(main, node.uniqueId, node.columns);
            if (node.resourceType == ResourceType.MODEL || node.resourceType == ResourceType.SNAPSHOT
                    || node.resourceType == ResourceType.ANALYSIS) {
                columnLineage(main, node.uniqueId);
            }
        }
        lineage(main, node.uniqueId, selectorOf(node));
        relations(main, node.uniqueId);
        if (node.resourceType != ResourceType.TEST) {
            tests(main, node.uniqueId);
        }
        stats(main, node.uniqueId);
        config(main, node.config.asMap());
        code(main, node.rawCode, input.compiledCode().get(node.uniqueId), node.language);
        return Shell.page(project(), node.name, node.uniqueId, "", "../index.html", main.toString(), "");
    }

    String source(SourceDefinition source) {
        StringBuilder main = new StringBuilder();
        header(main, "source", source.sourceName + "." + source.name, source.uniqueId);
        List<String> facts = new ArrayList<>();
        facts.add("<code class=\"relation\">" + Html.esc(relationName(source.database, source.schema,
                source.identifier)) + "</code>");
        if (source.loader != null && !source.loader.isBlank()) {
            facts.add("loader: " + Html.esc(source.loader));
        }
        if (source.loadedAtField != null) {
            facts.add("loaded_at_field: <code>" + Html.esc(source.loadedAtField) + "</code>");
        }
        facts.add("package: " + Html.esc(source.packageName));
        facts.add("file: <code>" + Html.esc(source.originalFilePath) + "</code>");
        facts(main, facts, source.tags);
        description(main, source.description);
        if (source.sourceDescription != null && !source.sourceDescription.isBlank()) {
            main.append("<section id=\"source-description\"><h2>Source ").append(Html.esc(source.sourceName))
                    .append("</h2><div class=\"md\">").append(markdown.toHtml(source.sourceDescription))
                    .append("</div></section>");
        }
        columns(main, source.uniqueId, source.columns);
        lineage(main, source.uniqueId, "source:" + source.sourceName + "." + source.name);
        relations(main, source.uniqueId);
        tests(main, source.uniqueId);
        stats(main, source.uniqueId);
        if (source.freshness != null && !source.freshness.isEmpty()) {
            config(main, Map.of("freshness", source.freshness));
        }
        config(main, source.config.asMap());
        return Shell.page(project(), source.sourceName + "." + source.name, source.uniqueId, "", "../index.html",
                main.toString(), "");
    }

    String exposure(Exposure exposure) {
        StringBuilder main = new StringBuilder();
        header(main, "exposure", exposure.label == null ? exposure.name : exposure.label, exposure.uniqueId);
        List<String> facts = new ArrayList<>();
        facts.add("type: " + Html.esc(exposure.type));
        if (exposure.maturity != null) {
            facts.add("maturity: " + Html.esc(exposure.maturity));
        }
        if (!exposure.owner.isEmpty()) {
            facts.add("owner: " + Html.esc(String.join(", ", exposure.owner.values().stream().map(String::valueOf)
                    .toList())));
        }
        if (exposure.url != null && (exposure.url.startsWith("http://") || exposure.url.startsWith("https://"))) {
            facts.add("<a href=\"" + Html.esc(exposure.url) + "\" rel=\"noopener\">" + Html.esc(exposure.url) + "</a>");
        }
        facts.add("file: <code>" + Html.esc(exposure.originalFilePath) + "</code>");
        facts(main, facts, exposure.tags);
        description(main, exposure.description);
        lineage(main, exposure.uniqueId, "+exposure:" + exposure.name);
        relations(main, exposure.uniqueId);
        return Shell.page(project(), exposure.name, exposure.uniqueId, "", "../index.html", main.toString(), "");
    }

    String macro(Macro macro, String description) {
        StringBuilder main = new StringBuilder();
        header(main, "macro", macro.name(), macro.uniqueId());
        facts(main, List.of("package: " + Html.esc(macro.packageName()), "file: <code>"
                + Html.esc(macro.originalFilePath()) + "</code>", "arguments: " + Html.esc(String.join(", ",
                macro.arguments()))), List.of());
        description(main, description);
        // the parser does not record macro calls, so callers are found in the code: a call of the macro's name
        java.util.regex.Pattern call = java.util.regex.Pattern.compile("(?<![\\w])(?:"
                + java.util.regex.Pattern.quote(macro.packageName()) + "\\.)?"
                + java.util.regex.Pattern.quote(macro.name()) + "\\s*\\(");
        List<String> users = new ArrayList<>();
        for (Node node : manifest().nodes.values()) {
            if (node.dependsOnMacros.contains(macro.uniqueId())
                    || node.rawCode != null && node.rawCode.contains("{") && call.matcher(node.rawCode).find()) {
                users.add(link(node.uniqueId));
            }
        }
        if (!users.isEmpty()) {
            main.append("<section id=\"used-by\"><h2>Called by</h2><ul class=\"links\">");
            users.forEach(u -> main.append("<li>").append(u).append("</li>"));
            main.append("</ul></section>");
        }
        main.append("<section id=\"code\"><h2>Code</h2><pre class=\"code\"><code>").append(Html.esc(macro.macroSql()))
                .append("</code></pre></section>");
        return Shell.page(project(), macro.name(), macro.uniqueId(), "", "../index.html", main.toString(), "");
    }

    private String project() {
        return manifest().projectName;
    }

    private static void header(StringBuilder main, String type, String title, String id) {
        main.append("<h1><span class=\"badge t-").append(type).append("\">").append(type).append("</span> ")
                .append(Html.esc(title)).append("</h1><p class=\"uid\">").append(Html.esc(id)).append("</p>");
    }

    private static void facts(StringBuilder main, List<String> facts, List<String> tags) {
        main.append("<p class=\"facts\">").append(String.join(" \u00b7 ", facts)).append("</p>");
        if (tags != null && !tags.isEmpty()) {
            main.append("<p class=\"tags\">");
            tags.forEach(t -> main.append("<span class=\"tag\">").append(Html.esc(t)).append("</span>"));
            main.append("</p>");
        }
    }

    private void description(StringBuilder main, String description) {
        main.append("<section id=\"description\"><h2>Description</h2>");
        if (description == null || description.isBlank()) {
            main.append("<p class=\"empty\">This node is not documented yet.</p>");
        } else {
            main.append("<div class=\"md\">").append(markdown.toHtml(description)).append("</div>");
        }
        main.append("</section>");
    }

    /**
     * Columns in the warehouse's order with its types, then documented columns the warehouse does not have (typed
     * from their {@code data_type}, if any); descriptions from YAML; generic tests on each column.
     */
    private void columns(StringBuilder main, String id, Map<String, ColumnInfo> documented) {
        CatalogEntry entry = input.catalog().entry(id);
        Map<String, String[]> rows = new LinkedHashMap<>();
        if (entry != null) {
            for (Column column : entry.columns()) {
                rows.put(column.name().toLowerCase(Locale.ROOT), new String[] {column.name(), column.dataType(),
                        column.comment()});
            }
        }
        Map<String, ColumnInfo> docs = new LinkedHashMap<>();
        documented.values().forEach(c -> docs.put(c.name.toLowerCase(Locale.ROOT), c));
        docs.forEach((key, c) -> rows.putIfAbsent(key, new String[] {c.name, c.dataType, null}));
        main.append("<section id=\"columns\"><h2>Columns</h2>");
        if (rows.isEmpty()) {
            main.append("<p class=\"empty\">No columns are documented, and the catalog has none for this relation.</p>");
        } else {
            main.append("<table class=\"columns\"><thead><tr><th>Column</th><th>Type</th><th>Description</th>"
                    + "<th>Tests</th></tr></thead><tbody>");
            List<Node> tests = testsByNode.getOrDefault(id, List.of());
            rows.forEach((key, row) -> {
                ColumnInfo info = docs.get(key);
                String description = info != null && info.description != null && !info.description.isBlank()
                        ? info.description : row[2];
                main.append("<tr data-column=\"").append(Html.esc(row[0])).append("\"><td><code>")
                        .append(Html.esc(row[0])).append("</code></td><td class=\"type\">")
                        .append(Html.esc(row[1] == null ? "" : row[1])).append("</td><td class=\"md\">")
                        .append(markdown.toHtml(description)).append("</td><td class=\"col-tests\">");
                for (Node test : tests) {
                    if (test.columnName != null && test.columnName.equalsIgnoreCase(row[0])) {
                        String label = test.testMetadata != null ? test.testMetadata.name() : test.name;
                        main.append("<a class=\"test\" href=\"").append(Html.esc(Pages.of(test.uniqueId)))
                                .append("\" title=\"").append(Html.esc(test.name)).append("\">")
                                .append(Html.esc(label)).append("</a> ");
                    }
                }
                main.append("</td></tr>");
            });
            main.append("</tbody></table>");
        }
        main.append("</section>");
    }

    private void columnLineage(StringBuilder main, String id) {
        ColumnLineageSource.ModelLineage lineage = input.columnLineage().lineageOf(id);
        main.append("<section id=\"column-lineage\"><h2>Column lineage</h2>");
        if (lineage == null || lineage.unavailableReason() != null) {
            main.append("<p class=\"empty not-available\">Not available: ").append(Html.esc(lineage == null
                    ? "no column lineage was computed for this node (it was not compiled)."
                    : lineage.unavailableReason())).append("</p>");
        } else if (lineage.columns().isEmpty()) {
            main.append("<p class=\"empty\">No columns.</p>");
        } else {
            main.append("<table class=\"column-lineage\"><thead><tr><th>Column</th><th>Comes from</th><th>How</th>"
                    + "</tr></thead><tbody>");
            for (ColumnLineageSource.Column column : lineage.columns()) {
                main.append("<tr data-column=\"").append(Html.esc(column.name())).append("\"><td><code>")
                        .append(Html.esc(column.name())).append("</code></td><td>");
                if (column.upstream().isEmpty() && column.problem() == null) {
                    main.append("<span class=\"empty\">no upstream column</span>");
                }
                for (ColumnLineageSource.UpstreamColumn up : column.upstream()) {
                    if (up.uniqueId() != null) {
                        main.append("<a class=\"upstream\" href=\"").append(Html.esc(Pages.of(up.uniqueId())))
                                .append("#column=").append(Html.esc(java.net.URLEncoder.encode(up.column(),
                                        java.nio.charset.StandardCharsets.UTF_8))).append("\">")
                                .append(Html.esc(shortName(up.uniqueId()) + "." + up.column())).append("</a> ");
                    } else {
                        main.append("<code class=\"upstream external\">").append(Html.esc(up.relation() + "."
                                + up.column())).append("</code> ");
                    }
                }
                if (column.problem() != null) {
                    main.append("<span class=\"problem\">not fully known: ").append(Html.esc(column.problem()))
                            .append("</span>");
                }
                main.append("</td><td class=\"kind\">").append(Html.esc(column.kind() == null ? "" : column.kind()))
                        .append("</td></tr>");
            }
            main.append("</tbody></table>");
        }
        main.append("</section>");
    }

    private static void lineage(StringBuilder main, String id, String selector) {
        main.append("<section id=\"lineage\"><h2>Lineage</h2><div class=\"lineage-panel\" data-focus=\"")
                .append(Html.esc(id)).append("\"><p class=\"empty\">The lineage graph needs JavaScript.</p></div>")
                .append("<p><a class=\"open-lineage\" href=\"").append(Pages.LINEAGE).append("#select=")
                .append(Html.esc(java.net.URLEncoder.encode("+" + selector + "+",
                        java.nio.charset.StandardCharsets.UTF_8)))
                .append("\">Open in the lineage graph</a></p></section>");
    }

    private void relations(StringBuilder main, String id) {
        List<String> parents = manifest().parentMap.getOrDefault(id, List.of());
        List<String> children = manifest().childMap.getOrDefault(id, List.of()).stream()
                .filter(c -> !c.startsWith("test.") && !c.startsWith("unit_test.")).toList();
        main.append("<section id=\"relations\"><div class=\"cols2\"><div><h2>Depends on</h2>");
        list(main, parents, "depends-on");
        main.append("</div><div><h2>Referenced by</h2>");
        list(main, children, "referenced-by");
        main.append("</div></div></section>");
    }

    private void list(StringBuilder main, List<String> ids, String cssClass) {
        if (ids.isEmpty()) {
            main.append("<p class=\"empty\">None.</p>");
            return;
        }
        main.append("<ul class=\"links ").append(cssClass).append("\">");
        ids.forEach(i -> main.append("<li>").append(link(i)).append("</li>"));
        main.append("</ul>");
    }

    private void tests(StringBuilder main, String id) {
        List<Node> tests = testsByNode.getOrDefault(id, List.of());
        if (tests.isEmpty()) {
            return;
        }
        main.append("<section id=\"tests\"><h2>Tests</h2><ul class=\"links\">");
        for (Node test : tests) {
            main.append("<li>").append(link(test.uniqueId));
            if (test.columnName != null) {
                main.append(" <span class=\"muted\">on <code>").append(Html.esc(test.columnName))
                        .append("</code></span>");
            }
            main.append("</li>");
        }
        main.append("</ul></section>");
    }

    private void testDetails(StringBuilder main, Node test) {
        main.append("<section id=\"test\"><h2>Test</h2><p class=\"facts\">");
        if (test.testMetadata != null) {
            main.append("generic test <code>").append(Html.esc(test.testMetadata.name())).append("</code>");
            if (test.columnName != null) {
                main.append(" on column <code>").append(Html.esc(test.columnName)).append("</code>");
            }
        } else {
            main.append("singular test");
        }
        if (test.attachedNode != null) {
            main.append(" of ").append(link(test.attachedNode));
        }
        main.append("</p>");
        if (test.testMetadata != null && !test.testMetadata.kwargs().isEmpty()) {
            main.append("<pre class=\"code\"><code>").append(Html.esc(toJson(test.testMetadata.kwargs())))
                    .append("</code></pre>");
        }
        main.append("</section>");
    }

    private void stats(StringBuilder main, String id) {
        CatalogEntry entry = input.catalog().entry(id);
        if (entry == null) {
            return;
        }
        main.append("<section id=\"stats\"><h2>Relation</h2><p class=\"facts\">")
                .append(entry.relation().type().name().toLowerCase(Locale.ROOT)).append(" in the warehouse");
        if (entry.rowCount() != null) {
            main.append(" \u00b7 <span class=\"row-count\">").append(String.format(Locale.ROOT, "%,d",
                    entry.rowCount())).append(" rows</span>");
        }
        if (entry.owner() != null) {
            main.append(" \u00b7 owner ").append(Html.esc(entry.owner()));
        }
        if (entry.comment() != null && !entry.comment().isBlank()) {
            main.append(" \u00b7 comment: ").append(Html.esc(entry.comment()));
        }
        main.append("</p></section>");
    }

    private void config(StringBuilder main, Map<String, Object> config) {
        main.append("<section class=\"config\"><h2>Config</h2><pre class=\"code\"><code>")
                .append(Html.esc(toJson(config))).append("</code></pre></section>");
    }

    private static void code(StringBuilder main, String raw, String compiled, String language) {
        main.append("<section id=\"code\"><h2>Code</h2><details open class=\"raw\"><summary>Source</summary>"
                + "<pre class=\"code\"><code>").append(Html.esc(raw)).append("</code></pre></details>");
        main.append("<details class=\"compiled\"").append(compiled == null ? "" : " open")
                .append("><summary>Compiled</summary>");
        if (compiled == null) {
            main.append("<p class=\"empty\">Not compiled (generated with --no-compile, or not selected).</p>");
        } else {
            main.append("<pre class=\"code\"><code>").append(Html.esc(compiled)).append("</code></pre>");
        }
        main.append("</details></section>");
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    String link(String id) {
        String type = id.substring(0, id.indexOf('.'));
        return "<a href=\"" + Html.esc(Pages.of(id)) + "\" class=\"ref t-" + Html.esc(type) + "\"><span class=\"badge t-"
                + Html.esc(type) + "\">" + Html.esc(type) + "</span> " + Html.esc(shortName(id)) + "</a>";
    }

    /** The name a person knows a node by: the model's name, {@code source.table}, the test's name. */
    String shortName(String id) {
        Node node = manifest().nodes.get(id);
        if (node != null) {
            return node.name;
        }
        SourceDefinition source = manifest().sources.get(id);
        if (source != null) {
            return source.sourceName + "." + source.name;
        }
        Exposure exposure = manifest().exposures.get(id);
        return exposure != null ? exposure.name : id;
    }

    static String relationName(String database, String schema, String identifier) {
        StringBuilder out = new StringBuilder();
        if (database != null) {
            out.append(database).append('.');
        }
        if (schema != null) {
            out.append(schema).append('.');
        }
        return out.append(identifier).toString();
    }

    static String selectorOf(Node node) {
        return node.name;
    }
}
