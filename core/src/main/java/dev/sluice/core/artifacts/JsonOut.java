package dev.sluice.core.artifacts;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/**
 * Writes the manifest's plain Java values (maps, lists and scalars from YAML and Jinja) straight to a generator,
 * producing exactly the text that {@link Json#value} would once written: the artifact writers stream resources without
 * building a tree per resource.
 */
final class JsonOut {
    private JsonOut() {
    }

    /**
     * A field name encoded once: the generator copies its quoted UTF-8 bytes instead of encoding the name character by
     * character for every resource (the same bytes either way).
     */
    static SerializedString name(String name) {
        return new SerializedString(name);
    }

    static void field(JsonGenerator out, SerializableString name, Object value) throws IOException {
        out.writeFieldName(name);
        value(out, value);
    }

    static void string(JsonGenerator out, SerializableString name, String value) throws IOException {
        out.writeFieldName(name);
        out.writeString(value);
    }

    static void strings(JsonGenerator out, SerializableString name, Collection<?> values) throws IOException {
        out.writeFieldName(name);
        strings(out, values);
    }

    static void emptyArray(JsonGenerator out, SerializableString name) throws IOException {
        out.writeFieldName(name);
        out.writeStartArray();
        out.writeEndArray();
    }

    static void objectStart(JsonGenerator out, SerializableString name) throws IOException {
        out.writeFieldName(name);
        out.writeStartObject();
    }

    static void arrayStart(JsonGenerator out, SerializableString name) throws IOException {
        out.writeFieldName(name);
        out.writeStartArray();
    }

    static void nullField(JsonGenerator out, SerializableString name) throws IOException {
        out.writeFieldName(name);
        out.writeNull();
    }

    static void booleanField(JsonGenerator out, SerializableString name, boolean value) throws IOException {
        out.writeFieldName(name);
        out.writeBoolean(value);
    }

    /** {@code "name": value}. */
    static void field(JsonGenerator out, String name, Object value) throws IOException {
        out.writeFieldName(name);
        value(out, value);
    }

    /** {@code "name": "text"} or {@code "name": null}. */
    static void string(JsonGenerator out, String name, String value) throws IOException {
        out.writeFieldName(name);
        out.writeString(value);
    }

    /** An array of the values' texts (null stays null). */
    static void strings(JsonGenerator out, String name, Collection<?> values) throws IOException {
        out.writeFieldName(name);
        strings(out, values);
    }

    static void strings(JsonGenerator out, Collection<?> values) throws IOException {
        out.writeStartArray();
        if (values != null) {
            for (Object v : values) {
                out.writeString(v == null ? null : String.valueOf(v));
            }
        }
        out.writeEndArray();
    }

    static void emptyArray(JsonGenerator out, String name) throws IOException {
        out.writeFieldName(name);
        out.writeStartArray();
        out.writeEndArray();
    }

    /** An object, or {} when the value is not a map (as {@link Json#objectValue}). */
    static void objectValue(JsonGenerator out, Object value) throws IOException {
        if (value instanceof Map<?, ?>) {
            value(out, value);
        } else {
            out.writeStartObject();
            out.writeEndObject();
        }
    }

    /** The value as {@link Json#value} converts it. */
    static void value(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String s) {
            out.writeString(s);
        } else if (value instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte) {
            out.writeNumber(((Number) value).longValue());
        } else if (value instanceof BigDecimal d) {
            out.writeNumber(d);
        } else if (value instanceof BigInteger i) {
            out.writeNumber(i);
        } else if (value instanceof Number n) {
            out.writeNumber(n.doubleValue());
        } else if (value instanceof Map<?, ?> map) {
            map(out, map);
        } else if (value instanceof Collection<?> list) {
            out.writeStartArray();
            for (Object item : list) {
                value(out, item);
            }
            out.writeEndArray();
        } else if (value instanceof Object[] items) {
            value(out, Arrays.asList(items));
        } else if (value instanceof JsonNode node) {
            out.writeTree(node);
        } else if (value instanceof Instant instant) {
            out.writeString(Json.iso(instant));
        } else if (value instanceof TemporalAccessor temporal) {
            out.writeString(temporal.toString());
        } else {
            out.writeString(String.valueOf(value));
        }
    }

    private static void map(JsonGenerator out, Map<?, ?> map) throws IOException {
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                // keys such as 1 and "1" would meet as one JSON key; the tree keeps the first place and the last value
                out.writeTree(Json.value(map));
                return;
            }
        }
        out.writeStartObject();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            out.writeFieldName((String) entry.getKey());
            value(out, entry.getValue());
        }
        out.writeEndObject();
    }
}
