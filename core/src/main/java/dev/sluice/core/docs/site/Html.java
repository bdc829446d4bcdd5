package dev.sluice.core.docs.site;

/** HTML text helpers: every value from the project goes through {@link #esc} before it reaches a page. */
public final class Html {
    private Html() {
    }

    public static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String text = String.valueOf(value);
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A JSON text safe to put inside a {@code <script>} element (no {@code </script>} or HTML comment openers). */
    public static String scriptSafe(String json) {
        return json.replace("</", "<\\/").replace("<!--", "<\\!--").replace("\u2028", "\\u2028")
                .replace("\u2029", "\\u2029");
    }
}
