package dev.sluice.core.artifacts;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A manifest index opened to find single entries and rewrite their records in place. The file is mapped, so finding an
 * id touches only the pages a binary search over one section's records (and the ids they point to) reads: a few
 * kilobytes of a multi-megabyte index, where {@link ManifestIndex#read} reads and decodes all of it. Used to patch a
 * re-parsed model's node in manifest.json without writing either file again.
 */
final class IndexRecords implements AutoCloseable {
    private final FileChannel channel;
    private final MappedByteBuffer bytes;
    private final ManifestIndex.Header header;
    /** Where the offset of id number 0's string sits: after the header and the number of ids. */
    private static final int ID_OFFSETS = ManifestIndex.HEADER_BYTES + 4;

    /**
     * One entry's record: where it sits in the index and what it says (offsets already moved by the header's shift).
     * The entry's slot in manifest.json is {@code [start, end + room)}.
     */
    record Entry(int recordAt, long start, long end, int room, boolean plain) {
        long slotEnd() {
            return end + room;
        }
    }

    private IndexRecords(FileChannel channel, MappedByteBuffer bytes, ManifestIndex.Header header) {
        this.channel = channel;
        this.bytes = bytes;
        this.header = header;
    }

    /** The index at {@code file} opened for reading and patching, or null when there is none of this format. */
    static IndexRecords open(Path file) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            long size = channel.size();
            if (size < ManifestIndex.HEADER_BYTES + 8 || size > Integer.MAX_VALUE) {
                channel.close();
                return null;
            }
            MappedByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
            ManifestIndex.Header header = ManifestIndex.header(bytes.duplicate());
            if (header == null) {
                channel.close();
                return null;
            }
            return new IndexRecords(channel, bytes, header);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            return null;
        }
    }

    ManifestIndex.Header header() {
        return header;
    }

    /** {@code id}'s record in {@code section}, or null when the section does not list it (or the index is damaged). */
    Entry find(String section, String id) {
        try {
            int ids = bytes.getInt(ManifestIndex.HEADER_BYTES);
            int at = bytes.getInt(ID_OFFSETS + 4 * ids); // the sections start where the strings end
            for (int sections = bytes.getInt(at), s = 0; s < sections; s++) {
                at += 4;
                String name = string(at);
                at += 4 + bytes.getInt(at);
                int n = bytes.getInt(at);
                if (name.equals(section)) {
                    return search(at + 4, n, ids, id);
                }
                long next = at + 4 + (long) n * ManifestIndex.RECORD_BYTES;
                if (n < 0 || next > bytes.capacity()) {
                    return null;
                }
                at = (int) next;
            }
            return null;
        } catch (RuntimeException e) {
            return null; // a damaged index patches nothing: the caller writes the whole file
        }
    }

    /** Binary search over a section's records, which are in id order. */
    private Entry search(int records, int n, int ids, String id) {
        int low = 0;
        int high = n - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int record = records + middle * ManifestIndex.RECORD_BYTES;
            int number = bytes.getInt(record);
            if (number < 0 || number >= ids) {
                return null;
            }
            int order = string(bytes.getInt(ID_OFFSETS + 4 * number)).compareTo(id);
            if (order < 0) {
                low = middle + 1;
            } else if (order > 0) {
                high = middle - 1;
            } else {
                long start = bytes.getLong(record + 4) + header.shift();
                long end = start + bytes.getInt(record + 12);
                return new Entry(record, start, end, bytes.getInt(record + 16), bytes.get(record + 20) != 0);
            }
        }
        return null;
    }

    /** Rewrites an entry's record for a new value of {@code length} bytes, the rest of its slot left as its room. */
    void resize(Entry entry, int length) throws IOException {
        long slot = entry.slotEnd() - entry.start();
        ByteBuffer out = ByteBuffer.allocate(8);
        out.putInt(length);
        out.putInt((int) (slot - length));
        out.flip();
        while (out.hasRemaining()) {
            channel.write(out, entry.recordAt() + ManifestIndex.RECORD_LENGTH_AT + out.position());
        }
    }

    /** Writes {@code header} over the index's header. */
    void writeHeader(ManifestIndex.Header header) throws IOException {
        ManifestIndex.writeHeader(channel, header);
    }

    private String string(int at) {
        int length = bytes.getInt(at);
        if (length < 0 || length > bytes.capacity() - at - 4) {
            throw new IndexOutOfBoundsException("an id runs past the end of the index"); // damaged: patch nothing
        }
        byte[] utf8 = new byte[length];
        bytes.get(at + 4, utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // opened for a look-up and a few small writes: nothing is lost
            }
        }
    }
}
