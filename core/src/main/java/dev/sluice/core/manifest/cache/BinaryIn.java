package dev.sluice.core.manifest.cache;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads what {@link BinaryOut} wrote. A malformed input throws {@link CorruptCache}. */
final class BinaryIn {
    private final byte[] bytes;
    private final int limit;
    private int position;
    private final List<String> strings = new ArrayList<>();

    BinaryIn(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    /** Reads {@code bytes[from, to)} alone. */
    BinaryIn(byte[] bytes, int from, int to) {
        if (from < 0 || to > bytes.length || from > to) {
            throw new CorruptCache("a range outside the data");
        }
        this.bytes = bytes;
        this.position = from;
        this.limit = to;
    }

    boolean atEnd() {
        return position == limit;
    }

    int position() {
        return position;
    }

    /** A fixed eight-byte little-endian number ({@link BinaryOut#fixedLong}). */
    long fixedLong() {
        return fixed64();
    }

    long varint() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = next();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new CorruptCache("a malformed number at byte " + position);
    }

    int count() {
        long value = varint();
        if (value < 0 || value > limit) {
            throw new CorruptCache("an impossible count " + value + " at byte " + position);
        }
        return (int) value;
    }

    long signed() {
        long raw = varint();
        return (raw >>> 1) ^ -(raw & 1);
    }

    boolean bool() {
        return next() != 0;
    }

    String string() {
        long tag = varint();
        if (tag == 0) {
            return null;
        }
        if (tag <= strings.size()) {
            return strings.get((int) tag - 1);
        }
        if (tag != strings.size() + 1L) {
            throw new CorruptCache("an unknown string number " + tag + " at byte " + position);
        }
        int length = count();
        if (position + length > limit) {
            throw new CorruptCache("a string running past the end");
        }
        String value = new String(bytes, position, length, StandardCharsets.UTF_8);
        position += length;
        strings.add(value);
        return value;
    }

    /** Raw bytes written by {@link BinaryOut#bytes}. */
    byte[] bytes() {
        int length = count();
        if (position + length > limit) {
            throw new CorruptCache("bytes running past the end");
        }
        byte[] out = java.util.Arrays.copyOfRange(bytes, position, position + length);
        position += length;
        return out;
    }

    List<String> strings() {
        int n = count();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(string());
        }
        return out;
    }

    List<List<String>> stringLists() {
        int n = count();
        List<List<String>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(strings());
        }
        return out;
    }

    <E extends Enum<E>> E enumValue(E[] values) {
        int n = count();
        if (n > values.length) {
            throw new CorruptCache("an unknown enum number " + n);
        }
        return n == 0 ? null : values[n - 1];
    }

    /** A map written by {@link BinaryOut#map}; null if null was written. */
    @SuppressWarnings("unchecked")
    <K> Map<K, Object> map() {
        int n = count();
        if (n == 0) {
            return null;
        }
        Map<K, Object> out = new LinkedHashMap<>(Math.max(4, (n - 1) * 2));
        for (int i = 0; i < n - 1; i++) {
            out.put((K) value(), value());
        }
        return out;
    }

    /** A map that must not be null, as a String-keyed map. */
    Map<String, Object> stringMap() {
        Map<String, Object> out = map();
        return out == null ? new LinkedHashMap<>() : out;
    }

    Object value() {
        int tag = next();
        return switch (tag) {
            case BinaryOut.NULL -> null;
            case BinaryOut.STRING -> string();
            case BinaryOut.TRUE -> Boolean.TRUE;
            case BinaryOut.FALSE -> Boolean.FALSE;
            case BinaryOut.INT -> (int) signed();
            case BinaryOut.LONG -> signed();
            case BinaryOut.DOUBLE -> Double.longBitsToDouble(fixed64());
            case BinaryOut.FLOAT -> Float.intBitsToFloat((int) varint());
            case BinaryOut.BIG_INTEGER -> new BigInteger(string());
            case BinaryOut.BIG_DECIMAL -> new BigDecimal(string());
            case BinaryOut.DATE -> new Date(signed());
            case BinaryOut.MAP -> map();
            case BinaryOut.LIST -> values(new ArrayList<>());
            case BinaryOut.SET -> values(new LinkedHashSet<>());
            default -> throw new CorruptCache("an unknown value tag " + tag + " at byte " + (position - 1));
        };
    }

    private <C extends java.util.Collection<Object>> C values(C out) {
        int n = count();
        for (int i = 0; i < n; i++) {
            out.add(value());
        }
        return out;
    }

    private long fixed64() {
        long bits = 0;
        for (int shift = 0; shift < 64; shift += 8) {
            bits |= (long) next() << shift;
        }
        return bits;
    }

    private int next() {
        if (position >= limit) {
            throw new CorruptCache("the data ends early");
        }
        return bytes[position++] & 0xFF;
    }

    static Set<String> asStringSet(List<String> values) {
        return new LinkedHashSet<>(values);
    }
}
