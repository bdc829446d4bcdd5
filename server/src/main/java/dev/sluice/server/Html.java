package dev.sluice.server;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Small helpers for the server-rendered pages: escaping and the page frame. */
final class Html {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Html() {
    }

    static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    static String duration(Duration d) {
        if (d == null) {
            return "";
        }
        long ms = d.toMillis();
        return ms < 60_000 ? String.format("%.1fs", ms / 1000.0) : (ms / 60_000) + "m " + (ms / 1000) % 60 + "s";
    }

    /** A whole page: head, the Deploy menu (when logged in), breadcrumbs, the body. */
    static String page(String title, boolean menu, String crumbs, String body) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append(" · Sluice</title><link rel=\"stylesheet\" href=\"/static/sluice.css\">")
                .append("<script src=\"/static/sluice.js\" defer></script></head><body>");
        b.append("<header><a class=\"brand\" href=\"/\">Sluice</a>");
        if (menu) {
            b.append("<nav><span class=\"menu-title\">Deploy</span>")
                    .append("<a id=\"nav-environments\" href=\"/deploy/environments\">Environments</a>")
                    .append("<a id=\"nav-jobs\" href=\"/deploy/jobs\">Jobs</a>")
                    .append("<a id=\"nav-runs\" href=\"/deploy/runs\">Run history</a>")
                    .append("<a id=\"nav-docs\" href=\"/docs\">Docs</a></nav>")
                    .append("<form method=\"post\" action=\"/logout\" class=\"logout\"><button>Log out</button></form>");
        }
        b.append("</header><main>");
        if (crumbs != null && !crumbs.isEmpty()) {
            b.append("<div class=\"crumbs\">").append(crumbs).append("</div>");
        }
        b.append("<h1>").append(esc(title)).append("</h1>").append(body).append("</main></body></html>");
        return b.toString();
    }

    static String link(String href, Object text) {
        return "<a href=\"" + esc(href) + "\">" + esc(text) + "</a>";
    }

    static String badge(String status) {
        return "<span class=\"badge status-" + esc(status) + "\">" + esc(status) + "</span>";
    }

    static String postButton(String action, String id, String label) {
        return "<form method=\"post\" action=\"" + esc(action) + "\" class=\"inline\"><button id=\"" + esc(id)
                + "\">" + esc(label) + "</button></form>";
    }
}
