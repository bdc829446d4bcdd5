package dev.sluice.core.docs.site;

import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Descriptions and docs blocks as HTML (CommonMark, with GitHub's pipe tables as dbt-docs renders them). Raw HTML in the Markdown is escaped, not passed through, and
 * link targets with unsafe schemes ({@code javascript:}) are dropped, so a description cannot script the site.
 */
public final class Markdown {
    private static final java.util.List<org.commonmark.Extension> EXTENSIONS =
            java.util.List.of(org.commonmark.ext.gfm.tables.TablesExtension.create());
    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer html = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).sanitizeUrls(true)
            .build();
    private final TextContentRenderer text = TextContentRenderer.builder().extensions(EXTENSIONS).build();

    public String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return html.render(parser.parse(markdown));
    }

    /** The words of the Markdown without its markup, for the search index. */
    public String toText(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        Node document = parser.parse(markdown);
        return text.render(document).replaceAll("\\s+", " ").strip();
    }
}
