package dev.sluice.core.artifacts;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * A generator plus, when it writes bytes, the byte position it has reached and a way to copy raw bytes of an earlier
 * file into the output between values (manifest.json reuses unchanged entries so).
 */
final class JsonSink {
    final JsonGenerator gen;
    private final Counting bytes;

    JsonSink(JsonGenerator gen, Counting bytes) {
        this.gen = gen;
        this.bytes = bytes;
    }

    /** A sink over text or a token buffer: no positions, no copying. */
    static JsonSink of(JsonGenerator gen) {
        return new JsonSink(gen, null);
    }

    boolean hasPositions() {
        return bytes != null;
    }

    /** Bytes written so far, including what the generator still buffers. */
    long position() {
        return bytes.count + gen.getOutputBuffered();
    }

    /**
     * Writes {@code id} as a field whose value is copied from {@code from[start, end)}: the generator writes the name
     * and the colon, the value's bytes go around it. The caller has checked the bytes are a whole JSON value.
     * Returns where the value starts in this output.
     */
    long copiedField(String id, ByteBuffer from, long start, long end) throws IOException {
        long valueStart = startCopiedField(id);
        copy(from, start, end);
        return valueStart;
    }

    /** Writes {@code id} as a field whose value (and maybe more entries) the caller copies next; returns the position. */
    long startCopiedField(String id) throws IOException {
        gen.writeFieldName(id);
        gen.writeRawValue("");
        gen.flush();
        return bytes.count;
    }

    /** Copies {@code from[start, end)} into the output as is (after {@link #startCopiedField}). */
    void copy(ByteBuffer from, long start, long end) throws IOException {
        byte[] chunk = new byte[(int) Math.min(1 << 16, end - start)];
        for (long at = start; at < end; at += chunk.length) {
            int n = (int) Math.min(chunk.length, end - at);
            from.get((int) at, chunk, 0, n);
            bytes.write(chunk, 0, n);
        }
    }

    /** Counts what passes through; the generator's flush stops here (FLUSH_PASSED_TO_STREAM is off). */
    static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
