package dev.sluice.core.manifest;

import java.util.List;
import java.util.Map;

/**
 * What a {@code unit_tests:} entry declares, beside the node that carries it: the tested model's name, the fixtures
 * given for its inputs, the expected output, and the overrides of macros, vars and env vars.
 */
public record UnitTestDefinition(String model, List<Given> given, Fixture expect, Overrides overrides) {

    /** Formats a fixture can be written in. */
    public enum Format {
        DICT, CSV, SQL;

        public String dbtName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Rows as declared: {@code rows} is a list of maps for dict, text for csv and sql (null when a fixture file is
     * named). {@code fixtureText} is the named file's content, read while parsing; it is not part of the manifest.
     */
    public record Fixture(Format format, Object rows, String fixture, String fixtureText) {

        /** The rows to use: the fixture file's text when one is named, else the inline rows. */
        public Object effectiveRows() {
            return fixtureText != null ? fixtureText : rows;
        }
    }

    /** One {@code given} entry: {@code input} is {@code ref('x')}, {@code source('a', 'b')} or {@code this}. */
    public record Given(String input, Fixture fixture) {
    }

    /** {@code overrides:}; {@code declared} is false when the entry has none (the manifest then holds null). */
    public record Overrides(Map<String, Object> macros, Map<String, Object> vars, Map<String, Object> envVars,
                            boolean declared) {
        public static final Overrides NONE = new Overrides(Map.of(), Map.of(), Map.of(), false);
    }
}
