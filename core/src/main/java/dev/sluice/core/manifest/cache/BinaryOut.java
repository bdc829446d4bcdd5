package dev.sluice.core.manifest.cache;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cache's encoder: variable-length ints, and strings written once then referred to by number (a manifest repeats
 * its package name, config keys and ids tens of thousands of times). Values from YAML and Jinja are tagged by type;
 * a value of any other type makes the manifest {@link Uncacheable}.
 */
final class BinaryOut {
    static final int NULL = 0;
    static final int STRING = 1;
    static final int TRUE = 2;
    static final int FALSE = 3;
    static final int INT = 4;
    static final int LONG = 5;
    static final int DOUBLE = 6;
    static final int BIG_INTEGER = 7;
    static final int BIG_DECIMAL = 8;
    static final int LIST = 9;
    static final int MAP = 10;
    static final int SET = 11;
    static final int DATE = 12;
    static final int FLOAT = 13;

    private final Buffer bytes;
    /** Strings written so far, by number; null when every string is written out ({@link #unshared}). */
    private final Map<String, Integer> strings;
    /** How many strings have been written out (each takes the next number). */
    private int written;

    /** Bytes kept in memory ({@link #toByteArray}). */
    BinaryOut() {
        this.bytes = new Buffer(null);
        this.strings = new HashMap<>();
    }

    private BinaryOut(Buffer bytes, Map<String, Integer> strings) {
        this.bytes = bytes;
        this.strings = strings;
    }

    /**
     * In memory, every string written out even when it repeats: for a small record with few repeats, where looking
     * each up would cost more than it saves. Read back by {@link BinaryIn} as any other.
     */
    static BinaryOut unshared() {
        return new BinaryOut(new Buffer(null), null);
    }

    /**
     * Bytes streamed to {@code sink} as they are written (a large manifest is never held whole); {@link #flush} at the
     * end. A failing sink surfaces as an {@link java.io.UncheckedIOException} from any write.
     */
    BinaryOut(java.io.OutputStream sink) {
        this.bytes = new Buffer(sink);
        this.strings = new HashMap<>();
    }

    byte[] toByteArray() {
        return bytes.toByteArray();
    }

    /** Where a streamed BinaryOut writes (after {@link #flush}, another may go on writing there). */
    java.io.OutputStream sink() {
        return bytes.sink;
    }

    /** How many bytes have been written so far. */
    long size() {
        return bytes.size();
    }

    void flush() {
        bytes.flush();
    }

    /** A fixed eight-byte little-endian number (for a length written after what it measures). */
    void fixedLong(long value) {
        fixed64(value);
    }

    void varint(long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            bytes.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        bytes.write((int) v);
    }

    /** A signed int, zig-zag encoded so small negatives stay short. */
    void signed(long value) {
        varint((value << 1) ^ (value >> 63));
    }

    void bool(boolean value) {
        bytes.write(value ? 1 : 0);
    }

    /** A string or null: 0 for null, n + 1 for the n-th string already written, else the new string's bytes. */
    void string(String value) {
        if (value == null) {
            varint(0);
            return;
        }
        Integer known = strings == null ? null : strings.get(value);
        if (known != null) {
            varint(known + 1L);
            return;
        }
        varint(written + 1L); // one past every known number: "a new string follows"
        if (strings != null) {
            strings.put(value, written);
        }
        written++;
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        varint(utf8.length);
        bytes.write(utf8, 0, utf8.length);
    }

    /** Raw bytes, length first. */
    void bytes(byte[] value) {
        varint(value.length);
        bytes.write(value, 0, value.length);
    }

    void strings(Collection<String> values) {
        varint(values.size());
        for (String value : values) {
            string(value);
        }
    }

    void stringLists(List<List<String>> values) {
        varint(values.size());
        for (List<String> value : values) {
            strings(value);
        }
    }

    <E extends Enum<E>> void enumValue(E value) {
        varint(value == null ? 0 : value.ordinal() + 1L);
    }

    void map(Map<?, ?> values) {
        if (values == null) {
            varint(0);
            return;
        }
        varint(values.size() + 1L);
        for (Map.Entry<?, ?> entry : values.entrySet()) {
            value(entry.getKey());
            value(entry.getValue());
        }
    }

    void value(Object value) {
        if (value == null) {
            bytes.write(NULL);
        } else if (value instanceof String s) {
            bytes.write(STRING);
            string(s);
        } else if (value instanceof Boolean b) {
            bytes.write(b ? TRUE : FALSE);
        } else if (value instanceof Integer i) {
            bytes.write(INT);
            signed(i);
        } else if (value instanceof Long l) {
            bytes.write(LONG);
            signed(l);
        } else if (value instanceof Double d) {
            bytes.write(DOUBLE);
            fixed64(Double.doubleToRawLongBits(d));
        } else if (value instanceof Float f) {
            bytes.write(FLOAT);
            varint(Float.floatToRawIntBits(f) & 0xFFFFFFFFL);
        } else if (value instanceof BigInteger i) {
            bytes.write(BIG_INTEGER);
            string(i.toString());
        } else if (value instanceof BigDecimal d) {
            bytes.write(BIG_DECIMAL);
            string(d.toString());
        } else if (value instanceof Date d) {
            bytes.write(DATE);
            signed(d.getTime());
        } else if (value instanceof Map<?, ?> m) {
            bytes.write(MAP);
            map(m);
        } else if (value instanceof Set<?> s) {
            bytes.write(SET);
            values(s);
        } else if (value instanceof Collection<?> c) {
            bytes.write(LIST);
            values(c);
        } else {
            throw new Uncacheable("a value of type " + value.getClass().getName());
        }
    }

    private void values(Collection<?> values) {
        varint(values.size());
        for (Object item : values) {
            value(item);
        }
    }

    private void fixed64(long bits) {
        for (int shift = 0; shift < 64; shift += 8) {
            bytes.write((int) (bits >>> shift) & 0xFF);
        }
    }

    /**
     * An unsynchronized byte buffer (ByteArrayOutputStream locks on every byte written, which a manifest of millions
     * of small fields pays for), in memory or emptied into a sink whenever full.
     */
    private static final class Buffer {
        private final java.io.OutputStream sink;
        private byte[] buffer;
        private int count;
        private long flushed;

        /** Streamed: a 64 KB buffer; in memory: small at first (a model's facts are a few hundred bytes). */
        Buffer(java.io.OutputStream sink) {
            this.sink = sink;
            this.buffer = new byte[sink != null ? 1 << 16 : 256];
        }

        void write(int b) {
            if (count == buffer.length) {
                room(1);
            }
            buffer[count++] = (byte) b;
        }

        void write(byte[] b, int offset, int length) {
            if (length > buffer.length - count) {
                room(length);
            }
            if (length > buffer.length - count) { // larger than a streamed buffer: straight through
                try {
                    sink.write(b, offset, length);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                flushed += length;
                return;
            }
            System.arraycopy(b, offset, buffer, count, length);
            count += length;
        }

        /** Makes room for {@code n} more bytes: empties the buffer into the sink, or grows it in memory. */
        private void room(int n) {
            if (sink != null) {
                flush();
                return;
            }
            buffer = java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, count + n));
        }

        void flush() {
            if (sink == null || count == 0) {
                return;
            }
            try {
                sink.write(buffer, 0, count);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            flushed += count;
            count = 0;
        }

        long size() {
            return flushed + count;
        }

        byte[] toByteArray() {
            if (sink != null) {
                throw new IllegalStateException("a streamed BinaryOut keeps no bytes");
            }
            return java.util.Arrays.copyOf(buffer, count);
        }
    }
}
