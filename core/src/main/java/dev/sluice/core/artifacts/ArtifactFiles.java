package dev.sluice.core.artifacts;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.errors.SourceLocation;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a JSON tree as compact UTF-8 to a temp file beside the target, then moves it into place. */
final class ArtifactFiles {
    private final ObjectMapper mapper = new ObjectMapper()
            .disable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    /** Writes the JSON a {@link Body} produces; the same temp-file-and-move as {@link #write}. */
    void stream(Path file, Body body) {
        atomically(file, temp -> {
            try (OutputStream buffered = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 18)) {
                JsonSink.Counting counting = new JsonSink.Counting(buffered);
                JsonGenerator out = mapper.getFactory().createGenerator(counting)
                        .disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM)
                        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                body.writeTo(new JsonSink(out, counting));
                out.close();
            }
        });
    }

    /**
     * Writes {@code head} then {@code from[start, end)} (copied by the kernel where it can) to {@code file}, with the
     * same temp-file-and-move as {@link #write}: the old file, even if it is {@code from}, stays whole until the move.
     */
    void spliced(Path file, byte[] head, java.nio.channels.FileChannel from, long start, long end) {
        atomically(file, temp -> {
            try (java.nio.channels.FileChannel out = java.nio.channels.FileChannel.open(temp,
                    java.nio.file.StandardOpenOption.WRITE)) {
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(head);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                for (long at = start; at < end; ) {
                    long n = from.transferTo(at, end - at, out);
                    if (n <= 0) {
                        throw new IOException("the old file ended early");
                    }
                    at += n;
                }
            }
        });
    }

    /** Fills a temporary file beside {@code file}, then moves it into place: a reader never sees half a file. */
    private static void atomically(Path file, dev.sluice.core.io.AtomicFile.Content content) {
        Path target = file.toAbsolutePath();
        try {
            dev.sluice.core.io.AtomicFile.replace(target, content);
        } catch (IOException e) {
            throw new SluiceException(ErrorCode.IO, "Could not write " + target + ": " + e.getMessage(),
                    SourceLocation.of(target.toString()), null, e);
        }
    }

    /** A generator with the same settings as the files, writing UTF-8 to {@code bytes}. */
    JsonGenerator generator(OutputStream bytes) throws IOException {
        return mapper.getFactory().createGenerator(bytes);
    }

    /** A generator with the same settings as the files, for text output. */
    JsonGenerator generator(Writer text) throws IOException {
        return mapper.getFactory().createGenerator(text);
    }

    ObjectMapper codec() {
        return mapper;
    }

    /** Writes one document to a sink. */
    interface Body {
        void writeTo(JsonSink out) throws IOException;
    }

    void write(JsonNode tree, Path file) {
        atomically(file, temp -> {
            try (OutputStream out = Files.newOutputStream(temp)) {
                mapper.writeValue(out, tree);
            }
        });
    }

    /** The exact text {@link #write} puts in the file. */
    String toText(JsonNode tree) {
        try {
            return mapper.writeValueAsString(tree);
        } catch (IOException e) {
            throw new SluiceException(ErrorCode.INTERNAL, "Could not serialize artifact: " + e.getMessage(), null,
                    null, e);
        }
    }
}
