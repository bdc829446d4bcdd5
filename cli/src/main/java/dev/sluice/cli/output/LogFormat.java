package dev.sluice.cli.output;

import java.util.Locale;

/** --log-format: {@code text} (and its alias {@code default}), {@code debug} (verbose text), {@code json}. */
public enum LogFormat {
    TEXT, DEFAULT, DEBUG, JSON;

    public static LogFormat parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
