package dev.sluice.core.artifacts;

import static dev.sluice.core.artifacts.FieldNames.*;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.List;

/** {@code refs} as dbt 1.5+ writes them ({name, package, version}) and {@code sources} as [source, table] pairs. */
final class RefJson {
    private RefJson() {
    }

    /**
     * Each parsed ref is {@code [name]}, {@code [package, name]} or {@code [package, name, version]} (package may be
     * null when only a version was given).
     */
    static void refs(JsonGenerator out, List<List<String>> refs) throws IOException {
        out.writeStartArray();
        for (List<String> ref : refs) {
            if (ref == null || ref.isEmpty()) {
                continue;
            }
            out.writeStartObject();
            JsonOut.string(out, NAME, ref.size() == 1 ? ref.get(0) : ref.get(1));
            JsonOut.string(out, PACKAGE, ref.size() >= 2 ? ref.get(0) : null);
            out.writeFieldName(VERSION);
            if (ref.size() >= 3) {
                version(out, ref.get(2));
            } else {
                out.writeNull();
            }
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    static void sources(JsonGenerator out, List<List<String>> sources) throws IOException {
        out.writeStartArray();
        for (List<String> source : sources) {
            JsonOut.strings(out, source);
        }
        out.writeEndArray();
    }

    /** Versions are numbers in YAML ({@code v: 2}); keep them numeric in JSON when they look like one. */
    private static void version(JsonGenerator out, String version) throws IOException {
        if (version == null) {
            out.writeNull();
            return;
        }
        long number;
        try {
            number = Long.parseLong(version.trim());
        } catch (NumberFormatException notInteger) {
            out.writeString(version);
            return;
        }
        out.writeNumber(number);
    }
}
