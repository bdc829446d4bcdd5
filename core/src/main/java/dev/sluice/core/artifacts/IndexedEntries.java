package dev.sluice.core.artifacts;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One indexed section (nodes, parent_map, child_map): writes each entry fresh or copies it from the previous
 * manifest.json, and records where every entry's value went.
 */
final class IndexedEntries<T> {
    /**
     * Spaces (JSON whitespace) a full write leaves after each model node's value, before the next comma: an edited
     * model's new value, a little longer or shorter, is written over the old one in place ({@link ManifestJsonWriter#patchNodes}).
     */
    private static final String ROOM = " ".repeat(1024);

    /** The room after a model node's value of {@code valueLength} bytes: an eighth of it, 64 to 1024 bytes. */
    static int roomAfter(long valueLength) {
        return (int) Math.max(64, Math.min(ROOM.length(), valueLength / 8));
    }

    private final JsonSink sink;
    private final EntryValues values;
    private final String section;
    private final PreviousManifest previous;
    private final ManifestIndex.SectionBuilder index;
    private final Predicate<T> reusable;
    private final Predicate<T> parseOnly;
    private final Predicate<T> roomy;

    /** {@code roomy}: the entries a fresh write leaves room after ({@link #roomAfter}). */
    IndexedEntries(JsonSink sink, EntryValues values, String section, PreviousManifest previous,
            ManifestIndex.Builder written, Predicate<T> reusable, Predicate<T> parseOnly, Predicate<T> roomy) {
        this.sink = sink;
        this.values = values;
        this.section = section;
        this.previous = previous;
        this.index = sink.hasPositions() ? written.section(section) : null;
        this.reusable = reusable;
        this.parseOnly = parseOnly;
        this.roomy = roomy;
    }

    /**
     * Writes the entries of {@code items} in the order of {@code sortedIds} (a superset of its keys): first decides
     * which are copied from the previous file, then serializes the others (on all cores, through {@code values}).
     */
    void write(List<String> sortedIds, Map<String, T> items, Predicate<T> keep, EntryValues.Item<T> writer)
            throws IOException {
        JsonGenerator out = sink.gen;
        out.writeObjectFieldStart(section);
        List<String> kept = new ArrayList<>(items.size());
        List<long[]> old = new ArrayList<>(items.size());
        List<String> fresh = new ArrayList<>();
        for (String id : sortedIds) {
            T item = items.get(id);
            if (item != null && keep.test(item)) {
                long[] range = previous != null && reusable.test(item) ? previous.range(section, id) : null;
                kept.add(id);
                old.add(range);
                if (range == null) {
                    fresh.add(id);
                }
            }
        }
        EntryValues.Section serialized = values.section(fresh, items::get, writer);
        for (int i = 0; i < kept.size(); i++) {
            String id = kept.get(i);
            entry(id, items.get(id), old.get(i), serialized);
        }
        finishRun();
        out.writeEndObject();
    }

    /**
     * Writes a parent or child map, whose keys are exactly {@code sortedIds}; {@code edges} gives an id's list and is
     * asked only for entries not copied, which are serialized through {@code values} as nodes are.
     */
    void writeEdges(List<String> sortedIds, java.util.function.Function<String, ? extends T> edges,
                    java.util.Set<String> changed)
            throws IOException {
        JsonGenerator out = sink.gen;
        out.writeObjectFieldStart(section);
        long[][] old = new long[sortedIds.size()][];
        List<String> fresh;
        if (previous == null) {
            fresh = sortedIds; // nothing to copy from: every entry is written
        } else {
            fresh = new ArrayList<>();
            for (int i = 0; i < old.length; i++) {
                String id = sortedIds.get(i);
                old[i] = changed.contains(id) ? null : previous.range(section, id);
                if (old[i] == null) {
                    fresh.add(id);
                }
            }
        }
        if (!fresh.isEmpty()) {
            edges.apply(sortedIds.get(0)); // a map built on first use is built here, not on a worker others wait for
        }
        // a list of a few ids: a buffer sized for nodes would be 64 KB of zeroed garbage per 32 entries
        EntryValues.Section serialized = values.section(fresh, edges, IndexedEntries::edgeList, 128);
        for (int i = 0; i < old.length; i++) {
            entry(sortedIds.get(i), null, old[i], serialized);
        }
        finishRun();
        out.writeEndObject();
    }

    private static void edgeList(JsonGenerator out, Object ids) throws IOException {
        out.writeStartArray();
        for (Object other : (java.util.Collection<?>) ids) {
            out.writeString((String) other);
        }
        out.writeEndArray();
    }

    /*
     * Consecutive entries copied from consecutive old entries form one run, copied in one go: the bytes between
     * them (room, then ",\"next id\":") are the same in both files because the ids are. A run ends after the room
     * of its last entry, so every copied entry keeps its slot.
     */
    private long runOldStart = -1;
    private long runOldEnd;
    private long runNewStart;
    private long runLastPosition = -2;

    /**
     * One entry: copied from {@code old} ({start, end, position, room} in the previous file) with its room, or
     * written fresh, followed by room if it is {@link #roomy}.
     */
    private void entry(String id, T item, long[] old, EntryValues.Section fresh) throws IOException {
        if (old != null && runOldStart >= 0 && old[2] == runLastPosition + 1) {
            runOldEnd = old[1] + old[3];
            runLastPosition = old[2];
            record(id, item, runNewStart + (old[0] - runOldStart), runNewStart + (old[1] - runOldStart),
                    (int) old[3]);
            return;
        }
        finishRun();
        if (old != null) {
            runNewStart = sink.startCopiedField(id);
            runOldStart = old[0];
            runOldEnd = old[1] + old[3];
            runLastPosition = old[2];
            record(id, item, runNewStart, runNewStart + (old[1] - old[0]), (int) old[3]);
            return;
        }
        fresh.writeNextName(sink.gen, id);
        long start = index == null ? 0 : sink.position() + 1; // the colon the value writes first
        fresh.writeNext(sink.gen);
        long end = index == null ? 0 : sink.position();
        int room = index != null && item != null && roomy.test(item) ? roomAfter(end - start) : 0;
        if (room > 0) {
            sink.gen.writeRaw(ROOM, 0, room);
        }
        record(id, item, start, end, room);
    }

    private void record(String id, T item, long start, long end, int room) {
        if (index != null) {
            index.add(id, start, end, room, item == null || parseOnly.test(item));
        }
    }

    /** Copies the pending run; called before anything else is written and at the end of the section. */
    private void finishRun() throws IOException {
        if (runOldStart >= 0) {
            sink.copy(previous.bytes(), runOldStart, runOldEnd);
            runOldStart = -1;
            runLastPosition = -2;
        }
    }
}
