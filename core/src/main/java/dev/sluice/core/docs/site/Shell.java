package dev.sluice.core.docs.site;

/**
 * The frame every page shares: the top bar (home, search, lineage), the side bar the script fills with the project and
 * database trees, and the scripts. {@code docsPrefix} is the way from the page to the docs folder ("" for pages inside
 * it, "docs/" for index.html beside it).
 */
final class Shell {
    private Shell() {
    }

    static String page(String project, String title, String pageId, String docsPrefix, String homeHref, String main,
                       String extraScripts) {
        return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + Html.esc(title) + " \u00b7 " + Html.esc(project) + " docs</title>"
                + "<link rel=\"stylesheet\" href=\"" + docsPrefix + "assets/docs.css\"></head>\n"
                + "<body data-docs=\"" + docsPrefix + "\" data-page=\"" + Html.esc(pageId) + "\">"
                + "<header class=\"top\"><a class=\"home\" href=\"" + homeHref + "\">" + Html.esc(project)
                + " <span>docs</span></a><div class=\"search\"><input id=\"search\" type=\"search\" "
                + "placeholder=\"Search models, sources, columns\u2026\" autocomplete=\"off\" aria-label=\"Search\">"
                + "<div id=\"search-results\" class=\"results\" hidden></div></div>"
                + "<a class=\"top-link\" id=\"lineage-link\" href=\"" + docsPrefix + Pages.LINEAGE
                + "\">Lineage graph</a></header>\n"
                + "<div class=\"layout\"><nav class=\"side\"><div class=\"tabs\">"
                + "<button type=\"button\" data-tree=\"project\" class=\"on\">Project</button>"
                + "<button type=\"button\" data-tree=\"database\">Database</button></div>"
                + "<div id=\"tree\" class=\"tree\"></div></nav>\n<main>" + main + "</main></div>\n"
                + "<script src=\"" + docsPrefix + "data/nav.js\"></script>" + extraScripts
                + "<script src=\"" + docsPrefix + "assets/docs.js\"></script></body></html>\n";
    }
}
