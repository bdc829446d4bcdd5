package dev.sluice.core.artifacts;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The manifest.json already in target/, mapped into memory, with its index: the source of the entries a new write
 * copies instead of serializing. Opened only when the index says the file was written from the parse the new
 * manifest derives from, and the file's size and time are as the index recorded.
 */
final class PreviousManifest implements AutoCloseable {
    private final ManifestIndex index;
    private final MappedByteBuffer bytes;
    /** Per section, where the last look-up was found: entries are looked up in file order, so the next is next. */
    private final Map<String, Integer> cursors = new java.util.HashMap<>();

    /** Thrown mid-write when an old entry does not look like a JSON value; the writer then starts again without reuse. */
    static final class Mismatch extends RuntimeException {
        Mismatch(String what) {
            super(what, null, false, false);
        }
    }

    private PreviousManifest(ManifestIndex index, MappedByteBuffer bytes) {
        this.index = index;
        this.bytes = bytes;
    }

    /** The previous manifest, or null when nothing may be reused. */
    static PreviousManifest open(Path manifest, Path indexFile, ManifestReuse reuse) {
        if (reuse.derivedFrom() == 0) {
            return null;
        }
        ManifestIndex index = ManifestIndex.read(indexFile);
        if (index == null || index.generation != reuse.derivedFrom()) {
            return null;
        }
        try (FileChannel channel = FileChannel.open(manifest, StandardOpenOption.READ)) {
            BasicFileAttributes attrs = Files.readAttributes(manifest, BasicFileAttributes.class);
            if (attrs.size() != index.fileSize || attrs.lastModifiedTime().toMillis() != index.fileModified
                    || attrs.size() > Integer.MAX_VALUE) {
                return null;
            }
            return new PreviousManifest(index, channel.map(FileChannel.MapMode.READ_ONLY, 0, attrs.size()));
        } catch (IOException e) {
            return null;
        }
    }

    MappedByteBuffer bytes() {
        return bytes;
    }

    /**
     * The byte range of {@code id}'s value in {@code section}, its position among the section's entries and the room
     * (spaces) after it ({start, end, position, room}) if it was written parse-only, else null. Checks the range is
     * framed as a value (a colon before, a closing bracket at the end, a comma or the section's close after the room)
     * and throws {@link Mismatch} if not.
     */
    long[] range(String sectionName, String id) {
        ManifestIndex.Section section = index.section(sectionName);
        if (section == null) {
            return null;
        }
        int next = cursors.getOrDefault(sectionName, 0);
        int at = next < section.ids().length && section.ids()[next].equals(id) ? next : section.find(id);
        if (at >= 0) {
            cursors.put(sectionName, at + 1);
        }
        if (at < 0 || !section.plain()[at]) {
            return null;
        }
        long start = section.starts()[at];
        long end = section.ends()[at];
        int room = section.rooms()[at];
        if (start < 1 || room < 0 || end + room >= bytes.capacity() || end <= start
                || bytes.get((int) start - 1) != ':' || !closes(bytes.get((int) start), bytes.get((int) end - 1))
                || !followsEntry(bytes.get((int) (end + room)))) {
            throw new Mismatch("the entry " + id + " is not where the index says");
        }
        return new long[] {start, end, at, room};
    }

    /** What comes right after an entry's room: the next entry's comma or the section's close. */
    private static boolean followsEntry(byte next) {
        return next == ',' || next == '}';
    }

    private static boolean closes(byte open, byte close) {
        return open == '{' && close == '}' || open == '[' && close == ']';
    }

    /** Writes the new index beside the manifest just written, or removes a stale one when there is nothing to index. */
    static void saveIndex(Path manifest, Path indexFile, long generation, ManifestIndex.Builder written) {
        try {
            if (generation == 0 || written.isEmpty()) {
                Files.deleteIfExists(indexFile);
                return;
            }
            BasicFileAttributes attrs = Files.readAttributes(manifest, BasicFileAttributes.class);
            written.build(generation, attrs.size(), attrs.lastModifiedTime().toMillis()).write(indexFile);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(indexFile); // a missing index only costs the next write its speed
            } catch (IOException ignored) {
                // nothing else to do: a stale index is rejected by its generation or the file's size and time
            }
        }
    }

    @Override
    public void close() {
        // a mapped buffer is released by the garbage collector; nothing to close explicitly
    }
}
