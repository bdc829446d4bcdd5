package dev.sluice.core.artifacts;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

/**
 * What writing over parts of manifest.json in place relies on: the file is exactly as its index recorded it (size,
 * time, and the body where the index says), and a new value goes over an old one padded with spaces to the end of the
 * old one's slot, so the bytes after it stay where they were.
 */
final class InPlace {
    /** What follows the metadata object in every manifest.json {@link ManifestJsonWriter} writes. */
    static final byte[] BODY_OPENING = ",\"nodes\":".getBytes(StandardCharsets.UTF_8);

    private InPlace() {
    }

    /**
     * The file's attributes if {@code file} (open on {@code target}) has the size and time {@code header} recorded and
     * its body opens where the header says; else null (edited since, or written by something else).
     */
    static BasicFileAttributes asIndexed(FileChannel file, Path target, ManifestIndex.Header header)
            throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(target, BasicFileAttributes.class);
        if (attrs.size() != header.fileSize() || attrs.lastModifiedTime().toMillis() != header.fileModified()
                || header.bodyStart() <= 0 || header.bodyStart() + BODY_OPENING.length >= attrs.size()) {
            return null;
        }
        return Arrays.equals(read(file, header.bodyStart(), BODY_OPENING.length), BODY_OPENING) ? attrs : null;
    }

    /** {@code length} bytes of {@code file} from {@code at} (fewer if it ends first). */
    static byte[] read(FileChannel file, long at, int length) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(length);
        while (bytes.hasRemaining() && file.read(bytes, at + bytes.position()) > 0) {
            // a positional read may return less than asked
        }
        return Arrays.copyOf(bytes.array(), bytes.position());
    }

    /** {@code value} followed by spaces up to {@code slotLength} bytes (the caller has checked it fits). */
    static byte[] padded(byte[] value, int slotLength) {
        byte[] padded = Arrays.copyOf(value, slotLength);
        Arrays.fill(padded, value.length, slotLength, (byte) ' ');
        return padded;
    }

    /** Writes all of {@code bytes} at {@code at}. */
    static void write(FileChannel file, long at, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            file.write(buffer, at + buffer.position());
        }
    }
}
