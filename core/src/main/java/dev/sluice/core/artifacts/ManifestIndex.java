package dev.sluice.core.artifacts;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each node and each parent/child map entry sits in a written manifest.json (byte offsets of its value), with
 * the parse cache generation the manifest came from and the file's size and time when written. The next write of a
 * manifest derived from the same generation copies unchanged entries from the old file instead of serializing them.
 * Kept beside the manifest as {@code manifest.index.sluice}.
 *
 * <p>Its fixed-size {@link Header} also says where the file's body starts (the byte after the metadata object) and
 * whether every entry was written parse-only: a manifest that is the very same parse as the file's, written
 * parse-only, takes the old body whole behind a new metadata object ({@link ManifestJsonWriter}), and only the header
 * of the index changes — its {@code shift} moves every recorded offset by the change in the metadata's length.
 *
 * <p>Each entry also records its room: the spaces the writer left after the value (model nodes only), so the entry's
 * slot is {@code [start, end + room)}. A re-parsed model whose new value fits its slot is written over the old one in
 * place, and so is its record here: records are of fixed size and the ids are reached through a table of offsets, so
 * {@link IndexRecords} finds one id's record by a binary search over the mapped file and rewrites a few bytes of it.
 *
 * <p>Layout (big-endian): the header; the number of ids, then for each id the offset of its string (and one more
 * offset: where the strings end), then the strings (length-prefixed UTF-8); the number of sections, then for each its
 * name, its number of entries and one {@value #RECORD_BYTES}-byte record per entry in id order: id number, start,
 * length, room, parse-only flag.
 */
public final class ManifestIndex {
    public static final String FILE_NAME = "manifest.index.sluice";
    static final List<String> SECTIONS = List.of("nodes", "parent_map", "child_map");
    /** 3: entries record their room, and records are reached through an id-offset table (2 had neither). */
    static final int FORMAT = 3;
    /** FORMAT, generation, file size, file time, body start, shift, all-plain flag. */
    static final int HEADER_BYTES = 4 + 8 * 5 + 1;
    /** id number, start, length, room, parse-only flag. */
    static final int RECORD_BYTES = 4 + 8 + 4 + 4 + 1;
    /** Where a record's length sits (its room follows): the part of a record a patch in place rewrites. */
    static final int RECORD_LENGTH_AT = 4 + 8;

    final long generation;
    final long fileSize;
    final long fileModified;
    final long bodyStart;
    private final Map<String, Section> sections;

    /**
     * The index's fixed part. {@code shift} is added to every offset stored in the sections (it grows when a new
     * metadata object is longer than the old); {@code allPlain}: every node was written parse-only.
     */
    record Header(long generation, long fileSize, long fileModified, long bodyStart, long shift, boolean allPlain) {
    }

    /** What a write records as it goes: where the body starts and each section's entries. */
    static final class Builder {
        private long bodyStart = -1;
        private final Map<String, SectionBuilder> sections = new LinkedHashMap<>();

        void bodyStart(long position) {
            bodyStart = position;
        }

        SectionBuilder section(String name) {
            return sections.computeIfAbsent(name, k -> new SectionBuilder());
        }

        boolean isEmpty() {
            return sections.isEmpty() || bodyStart < 0;
        }

        void clear() {
            bodyStart = -1;
            sections.clear();
        }

        ManifestIndex build(long generation, long fileSize, long fileModified) {
            Map<String, Section> built = new LinkedHashMap<>();
            sections.forEach((name, builder) -> built.put(name, builder.build()));
            return new ManifestIndex(generation, fileSize, fileModified, bodyStart, built);
        }
    }

    /**
     * One section's entries in file order: ids sorted, value byte ranges, the room (spaces) after each value, and
     * whether a node's value is parse-only.
     */
    record Section(String[] ids, long[] starts, long[] ends, int[] rooms, boolean[] plain) {
        int find(String id) {
            int at = Arrays.binarySearch(ids, id);
            return at < 0 ? -1 : at;
        }
    }

    ManifestIndex(long generation, long fileSize, long fileModified, long bodyStart, Map<String, Section> sections) {
        this.generation = generation;
        this.fileSize = fileSize;
        this.fileModified = fileModified;
        this.bodyStart = bodyStart;
        this.sections = sections;
    }

    private boolean allPlain() {
        for (Section section : sections.values()) {
            for (boolean plain : section.plain) {
                if (!plain) {
                    return false;
                }
            }
        }
        return true;
    }

    Section section(String name) {
        return sections.get(name);
    }

    /** The index file for a manifest.json. */
    public static Path fileFor(Path manifestJson) {
        return manifestJson.resolveSibling(FILE_NAME);
    }

    /** Collects a section's entries as the writer emits them (ids arrive sorted). */
    static final class SectionBuilder {
        private final List<String> ids = new ArrayList<>();
        private long[] starts = new long[256];
        private long[] ends = new long[256];
        private int[] rooms = new int[256];
        private boolean[] plain = new boolean[256];

        void add(String id, long start, long end, int room, boolean parseOnly) {
            int n = ids.size();
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
                ends = Arrays.copyOf(ends, n * 2);
                rooms = Arrays.copyOf(rooms, n * 2);
                plain = Arrays.copyOf(plain, n * 2);
            }
            ids.add(id);
            starts[n] = start;
            ends[n] = end;
            rooms[n] = room;
            plain[n] = parseOnly;
        }

        Section build() {
            int n = ids.size();
            return new Section(ids.toArray(new String[0]), Arrays.copyOf(starts, n), Arrays.copyOf(ends, n),
                    Arrays.copyOf(rooms, n), Arrays.copyOf(plain, n));
        }
    }

    void write(Path file) throws IOException {
        Map<String, Integer> numbers = new HashMap<>();
        List<String> table = new ArrayList<>();
        List<int[]> numbered = new ArrayList<>(sections.size());
        Section last = null;
        for (Section section : sections.values()) {
            if (last != null && sameIds(last.ids, section.ids)) {
                // parent_map and child_map list the very same ids: numbered once, not looked up again
                numbered.add(numbered.get(numbered.size() - 1));
                continue;
            }
            int[] these = new int[section.ids.length];
            for (int i = 0; i < these.length; i++) {
                String id = section.ids[i];
                Integer number = numbers.putIfAbsent(id, table.size());
                if (number == null) {
                    these[i] = table.size();
                    table.add(id);
                } else {
                    these[i] = number;
                }
            }
            numbered.add(these);
            last = section;
        }
        Bytes out = new Bytes(1 << 20);
        out.putInt(FORMAT);
        out.putLong(generation);
        out.putLong(fileSize);
        out.putLong(fileModified);
        out.putLong(bodyStart);
        out.putLong(0); // shift
        out.put(allPlain() ? (byte) 1 : (byte) 0);
        out.putInt(table.size());
        int offsets = out.position();
        out.skip(4 * (table.size() + 1));
        for (int i = 0; i < table.size(); i++) {
            out.putInt(offsets + 4 * i, out.position());
            out.putString(table.get(i));
        }
        out.putInt(offsets + 4 * table.size(), out.position()); // where the strings end and the sections begin
        out.putInt(sections.size());
        int next = 0;
        for (Map.Entry<String, Section> entry : sections.entrySet()) {
            Section section = entry.getValue();
            int[] these = numbered.get(next++);
            out.putString(entry.getKey());
            out.putInt(section.ids.length);
            for (int i = 0; i < section.ids.length; i++) {
                out.putInt(these[i]);
                out.putLong(section.starts[i]);
                out.putInt((int) (section.ends[i] - section.starts[i]));
                out.putInt(section.rooms[i]);
                out.put(section.plain[i] ? (byte) 1 : (byte) 0);
            }
        }
        dev.sluice.core.io.AtomicFile.replace(file, out.toArray());
    }

    /** The header alone (a few bytes read), or null when there is no readable index. */
    static Header readHeader(Path file) {
        try (var channel = java.nio.channels.FileChannel.open(file)) {
            ByteBuffer in = ByteBuffer.allocate(HEADER_BYTES);
            while (in.hasRemaining() && channel.read(in) >= 0) {
                // read the whole header
            }
            in.flip();
            return in.remaining() == HEADER_BYTES ? header(in) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static Header header(ByteBuffer in) {
        if (in.getInt() != FORMAT) {
            return null;
        }
        return new Header(in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.get() != 0);
    }

    /**
     * Replaces the header of the index in {@code file} in place, keeping its sections as they are. A write cut short
     * leaves a header that matches no manifest.json, and the next write is simply a full one.
     */
    static void rewriteHeader(Path file, Header header) throws IOException {
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            writeHeader(channel, header);
        }
    }

    /** Writes {@code header} over the header of the index open in {@code channel}. */
    static void writeHeader(java.nio.channels.FileChannel channel, Header header) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES);
        out.putInt(FORMAT);
        out.putLong(header.generation());
        out.putLong(header.fileSize());
        out.putLong(header.fileModified());
        out.putLong(header.bodyStart());
        out.putLong(header.shift());
        out.put(header.allPlain() ? (byte) 1 : (byte) 0);
        out.flip();
        while (out.hasRemaining()) {
            channel.write(out, out.position());
        }
    }


    /** A growable big-endian byte buffer (DataOutputStream's synchronized per-byte writes cost too much here). */
    private static final class Bytes {
        private ByteBuffer buffer;

        Bytes(int capacity) {
            buffer = ByteBuffer.allocate(capacity);
        }

        private void room(int n) {
            if (buffer.remaining() < n) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + n));
                buffer.flip();
                bigger.put(buffer);
                buffer = bigger;
            }
        }

        void put(byte b) {
            room(1);
            buffer.put(b);
        }

        void putInt(int v) {
            room(4);
            buffer.putInt(v);
        }

        void putLong(long v) {
            room(8);
            buffer.putLong(v);
        }

        int position() {
            return buffer.position();
        }

        void skip(int n) {
            room(n);
            buffer.position(buffer.position() + n);
        }

        void putInt(int at, int v) {
            buffer.putInt(at, v);
        }

        void putString(String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            putInt(utf8.length);
            room(utf8.length);
            buffer.put(utf8);
        }

        byte[] toArray() {
            return Arrays.copyOf(buffer.array(), buffer.position());
        }
    }

    /** The index, or null when there is none or it cannot be read (then nothing is reused). */
    static ManifestIndex read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file));
            Header header = header(in);
            if (header == null) {
                return null;
            }
            long shift = header.shift();
            String[] table = new String[in.getInt()];
            in.position(in.position() + 4 * (table.length + 1)); // the offsets: for finding one id, not for reading all
            for (int i = 0; i < table.length; i++) {
                table[i] = string(in);
            }
            Map<String, Section> sections = new LinkedHashMap<>();
            for (int s = in.getInt(); s > 0; s--) {
                String name = string(in);
                int n = in.getInt();
                String[] ids = new String[n];
                long[] starts = new long[n];
                long[] ends = new long[n];
                int[] rooms = new int[n];
                boolean[] plain = new boolean[n];
                for (int i = 0; i < n; i++) {
                    ids[i] = table[in.getInt()];
                    starts[i] = in.getLong() + shift;
                    ends[i] = starts[i] + in.getInt();
                    rooms[i] = in.getInt();
                    plain[i] = in.get() != 0;
                }
                sections.put(name, new Section(ids, starts, ends, rooms, plain));
            }
            return new ManifestIndex(header.generation(), header.fileSize(), header.fileModified(), header.bodyStart(),
                    sections);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The same id objects in the same order (an identity check: equal but distinct ids just take the long way). */
    private static boolean sameIds(String[] a, String[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    private static String string(ByteBuffer in) {
        int length = in.getInt();
        String value = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return value;
    }

}
