package dev.sluice.core.artifacts;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
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
        Path temp = Files.createTempFile(file.getParent(), "." + FILE_NAME, ".tmp");
        try {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp),
                    1 << 16))) {
                out.writeInt(FORMAT);
                out.writeLong(generation);
                out.writeLong(fileSize);
                out.writeLong(fileModified);
                out.writeInt(table.size());
                for (String id : table) {
                    out.writeUTF(id);
                }
                out.writeInt(sections.size());
                for (Map.Entry<String, Section> entry : sections.entrySet()) {
                    Section section = entry.getValue();
                    out.writeUTF(entry.getKey());
                    out.writeInt(section.ids.length);
                    for (int i = 0; i < section.ids.length; i++) {
                        out.writeInt(numbers.get(section.ids[i]));
                        out.writeLong(section.starts[i]);
                        out.writeInt((int) (section.ends[i] - section.starts[i]));
                        out.writeBoolean(section.plain[i]);
                    }
                }
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The index, or null when there is none or it cannot be read (then nothing is reused). */
    static ManifestIndex read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != FORMAT) {
                return null;
            }
            long generation = in.readLong();
            long size = in.readLong();
            long modified = in.readLong();
            String[] table = new String[in.readInt()];
            for (int i = 0; i < table.length; i++) {
                table[i] = in.readUTF();
            }
            Map<String, Section> sections = new LinkedHashMap<>();
            for (int s = in.readInt(); s > 0; s--) {
                String name = in.readUTF();
                int n = in.readInt();
                String[] ids = new String[n];
                long[] starts = new long[n];
                long[] ends = new long[n];
                boolean[] plain = new boolean[n];
                for (int i = 0; i < n; i++) {
                    ids[i] = table[in.readInt()];
                    starts[i] = in.readLong();
                    ends[i] = starts[i] + in.readInt();
                    plain[i] = in.readBoolean();
                }
                sections.put(name, new Section(ids, starts, ends, plain));
            }
            return new ManifestIndex(generation, size, modified, sections);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
