package dev.sluice.core.docs.site;

/** Where each node's page lives, relative to the site's {@code docs/} folder. */
public final class Pages {
    public static final String LINEAGE = "lineage.html";

    private Pages() {
    }

    /** {@code model.shop.customers} -> {@code model.shop.customers.html}; characters unsafe in file names become _. */
    public static String of(String uniqueId) {
        StringBuilder out = new StringBuilder(uniqueId.length() + 5);
        for (int i = 0; i < uniqueId.length(); i++) {
            char c = uniqueId.charAt(i);
            out.append(Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '-' || c == '_' ? c : '_');
        }
        return out.append(".html").toString();
    }
}
