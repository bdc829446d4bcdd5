package dev.sluice.core.artifacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/** Small helpers for building artifact trees from the manifest's plain Java values. */
final class Json {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    /** dbt's timestamp style: always six fractional digits, UTC, trailing Z. */
    private static final DateTimeFormatter ISO_MICROS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Json() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    static ArrayNode strings(Collection<?> values) {
        ArrayNode out = array();
        if (values != null) {
            values.forEach(v -> out.add(v == null ? null : String.valueOf(v)));
        }
        return out;
    }

    /** Converts YAML/Jinja-derived values (maps, lists, scalars) to JSON, keeping map order. */
    static JsonNode value(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof String s) {
            return NODES.textNode(s);
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return NODES.numberNode(((Number) value).longValue());
        }
        if (value instanceof BigDecimal d) {
            return NODES.numberNode(d);
        }
        if (value instanceof BigInteger i) {
            return NODES.numberNode(i);
        }
        if (value instanceof Number n) {
            return NODES.numberNode(n.doubleValue());
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode out = object();
            map.forEach((k, v) -> out.set(String.valueOf(k), value(v)));
            return out;
        }
        if (value instanceof Collection<?> list) {
            ArrayNode out = array();
            list.forEach(v -> out.add(value(v)));
            return out;
        }
        if (value instanceof Object[] items) {
            return value(Arrays.asList(items));
        }
        if (value instanceof Instant instant) {
            return NODES.textNode(iso(instant));
        }
        if (value instanceof TemporalAccessor temporal) {
            return NODES.textNode(temporal.toString());
        }
        return NODES.textNode(String.valueOf(value));
    }

    /** An object, or {} when the value is not a map (so a bad YAML value never breaks the artifact's shape). */
    static ObjectNode objectValue(Object value) {
        return value instanceof Map<?, ?> ? (ObjectNode) value(value) : object();
    }

    /** Writes one JSON value to a generator. */
    interface Writes {
        void writeTo(com.fasterxml.jackson.core.JsonGenerator out) throws IOException;
    }

    /** What a streaming writer writes, as a tree (for tests and callers that want to inspect one resource). */
    static ObjectNode tree(Writes body) {
        ObjectMapper codec = new ObjectMapper();
        try (TokenBuffer buffer = new TokenBuffer(codec, false)) {
            buffer.forceUseOfBigDecimal(true);
            body.writeTo(buffer);
            return (ObjectNode) codec.readTree(buffer.asParser(codec));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String iso(Instant instant) {
        if (instant == null) {
            return null;
        }
        java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(),
                ZoneOffset.UTC);
        if (t.getYear() < 1000 || t.getYear() > 9999) {
            return ISO_MICROS.format(instant);
        }
        // the pattern's output, built by hand: run_results.json formats four of these per node
        StringBuilder out = new StringBuilder(27);
        digits(out, t.getYear(), 4).append('-');
        digits(out, t.getMonthValue(), 2).append('-');
        digits(out, t.getDayOfMonth(), 2).append('T');
        digits(out, t.getHour(), 2).append(':');
        digits(out, t.getMinute(), 2).append(':');
        digits(out, t.getSecond(), 2).append('.');
        return digits(out, t.getNano() / 1000, 6).append('Z').toString();
    }

    private static StringBuilder digits(StringBuilder out, int value, int width) {
        String text = Integer.toString(value);
        for (int i = text.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(text);
    }

    /** Seconds as a plain decimal with at most microsecond precision (execution_time, elapsed_time). */
    static JsonNode seconds(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds) || seconds < 0) {
            seconds = 0.0;
        }
        BigDecimal value = BigDecimal.valueOf(seconds).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
        return NODES.numberNode(value.scale() < 1 ? value.setScale(1) : value);
    }

    /** An instant as epoch seconds with microseconds, like Python's time.time() (dbt's created_at). */
    static JsonNode epochSeconds(Instant instant) {
        return NODES.numberNode(epochDecimal(instant));
    }

    static BigDecimal epochDecimal(Instant instant) {
        return BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano() / 1000, 6));
    }
}
