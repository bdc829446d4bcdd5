package dev.sluice.core.jinja;

/** Turns Jinjava's messages into the short sentence a dbt user expects. */
final class JinjaMessages {
    private JinjaMessages() {
    }

    static String clean(String message) {
        if (message == null) {
            return "Jinja error";
        }
        String text = message;
        int root = text.indexOf("RuntimeException: ");
        if (root >= 0) {
            text = text.substring(root + "RuntimeException: ".length());
        }
        return text.replace("com.hubspot.jinjava.interpret.", "").strip();
    }
}
