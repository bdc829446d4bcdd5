package dev.sluice.core.docs.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {
    private final Markdown markdown = new Markdown();

    @Test
    void rendersCommonMarkAndPipeTables() {
        assertThat(markdown.toHtml("One **bold** `code` [link](https://example.com)"))
                .isEqualTo("<p>One <strong>bold</strong> <code>code</code> "
                        + "<a rel=\"nofollow\" href=\"https://example.com\">link</a></p>\n");
        assertThat(markdown.toHtml("| a | b |\n| --- | --- |\n| 1 | 2 |")).contains("<table>").contains("<td>2</td>");
        assertThat(markdown.toHtml("  ")).isEmpty();
        assertThat(markdown.toText("Some *words*\n\nand `more`")).isEqualTo("Some words and \"more\"");
    }

    @Test
    void aDescriptionCannotScriptThePage() {
        String html = markdown.toHtml("<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert)");
        assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("href=\"javascript")
                .contains("&lt;script&gt;");
    }

    @Test
    void pageFileNamesAreSafe() {
        assertThat(Pages.of("model.shop.customers")).isEqualTo("model.shop.customers.html");
        assertThat(Pages.of("source.shop.raw/../x.t y")).isEqualTo("source.shop.raw_.._x.t_y.html");
        assertThat(Html.scriptSafe("{\"a\":\"</script><!--\"}")).isEqualTo("{\"a\":\"<\\/script><\\!--\"}");
    }
}
