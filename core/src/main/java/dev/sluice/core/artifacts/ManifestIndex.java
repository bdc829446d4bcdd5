package dev.sluice.core.artifacts;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 */
public final class ManifestIndex {
    public static final String FILE_NAME = "manifest.index.sluice";
    static final List<String> SECTIONS = List.of("nodes", "parent_map", "child_map");
    private static final int FORMAT = 1;

    final long generation;
    final long fileSize;
    final long fileModified;
    private final Map<String, Section> sections;

    /** One section's entries in file order: ids sorted, value byte ranges, and whether a node's value is parse-only. */
    record Section(String[] ids, long[] starts, long[] ends, boolean[] plain) {
        int find(String id) {
            int at = Arrays.binarySearch(ids, id);
            return at < 0 ? -1 : at;
        }
    }

    ManifestIndex(long generation, long fileSize, long fileModified, Map<String, Section> sections) {
        this.generation = generation;
        this.fileSize = fileSize;
        this.fileModified = fileModified;
        this.sections = sections;
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
        private boolean[] plain = new boolean[256];

        void add(String id, long start, long end, boolean parseOnly) {
            int n = ids.size();
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
                ends = Arrays.copyOf(ends, n * 2);
                plain = Arrays.copyOf(plain, n * 2);
            }
            ids.add(id);
            starts[n] = start;
            ends[n] = end;
            plain[n] = parseOnly;
        }

        Section build() {
            int n = ids.size();
            return new Section(ids.toArray(new String[0]), Arrays.copyOf(starts, n), Arrays.copyOf(ends, n),
                    Arrays.copyOf(plain, n));
        }
    }

    void write(Path file) throws IOException {
        Map<String, Integer> numbers = new HashMap<>();
        List<String> table = new ArrayList<>();
        for (Section section : sections.values()) {
            for (String id : section.ids) {
                if (numbers.putIfAbsent(id, table.size()) == null) {
                    table.add(id);
                }
            }
        }
        Bytes out = new Bytes(1 << 20);
        out.putInt(FORMAT);
        out.putLong(generation);
        out.putLong(fileSize);
        out.putLong(fileModified);
        out.putInt(table.size());
        for (String id : table) {
            out.putString(id);
        }
        out.putInt(sections.size());
        for (Map.Entry<String, Section> entry : sections.entrySet()) {
            Section section = entry.getValue();
            out.putString(entry.getKey());
            out.putInt(section.ids.length);
            for (int i = 0; i < section.ids.length; i++) {
                out.putInt(numbers.get(section.ids[i]));
                out.putLong(section.starts[i]);
                out.putInt((int) (section.ends[i] - section.starts[i]));
                out.put(section.plain[i] ? (byte) 1 : (byte) 0);
            }
        }
        Path temp = Files.createTempFile(file.getParent(), "." + FILE_NAME, ".tmp");
        try {
            Files.write(temp, out.toArray());
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
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
            if (in.getInt() != FORMAT) {
                return null;
            }
            long generation = in.getLong();
            long size = in.getLong();
            long modified = in.getLong();
            String[] table = new String[in.getInt()];
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
                boolean[] plain = new boolean[n];
                for (int i = 0; i < n; i++) {
                    ids[i] = table[in.getInt()];
                    starts[i] = in.getLong();
                    ends[i] = starts[i] + in.getInt();
                    plain[i] = in.get() != 0;
                }
                sections.put(name, new Section(ids, starts, ends, plain));
            }
            return new ManifestIndex(generation, size, modified, sections);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String string(ByteBuffer in) {
        int length = in.getInt();
        String value = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return value;
    }

}
