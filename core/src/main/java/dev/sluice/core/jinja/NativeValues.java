package dev.sluice.core.jinja;

import java.util.Locale;

/** Reads rendered text back as a native value, as dbt's native Jinja environment does for YAML and filters. */
public final class NativeValues {
    private NativeValues() {
    }

    public static Object parse(Object value) {
        if (!(value instanceof String text)) {
            return value;
        }
        String trimmed = text.strip();
        switch (trimmed.toLowerCase(Locale.ROOT)) {
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            case "none":
            case "null":
                return null;
            default:
                break;
        }
        if (trimmed.matches("-?\\d{1,18}")) {
            return Long.parseLong(trimmed);
        }
        if (trimmed.matches("-?\\d+\\.\\d+([eE][-+]?\\d+)?")) {
            return Double.parseDouble(trimmed);
        }
        return text;
    }
}
