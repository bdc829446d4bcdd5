package dev.sluice.core.artifacts;

import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.ResourceType;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One in-place patch of manifest.json ({@link ManifestJsonWriter#patchNodes}): checks everything and serializes every
 * new value first, then writes. The index is marked invalid before the first byte of manifest.json changes and made
 * valid again (new generation, size and time) only after the last, so a patch cut short leaves an index that matches
 * nothing, and the next write is a full one.
 */
final class NodePatch {
    /** Serializes a node's value as the full write would. */
    interface Values {
        byte[] of(Node node) throws IOException;
    }

    /** A changed node's new value and the slot it goes in. */
    private record Slot(IndexRecords.Entry entry, byte[] value) {
    }

    private final Path target;
    private final Path indexFile;
    private final ManifestReuse reuse;

    NodePatch(Path target, ManifestReuse reuse) {
        this.target = target;
        this.indexFile = ManifestIndex.fileFor(target);
        this.reuse = reuse;
    }

    /** Writes {@code head} (the new metadata) and the nodes' new values in place; false if that is not possible. */
    boolean apply(byte[] head, Collection<Node> changed, Values values) throws IOException {
        try (IndexRecords records = IndexRecords.open(indexFile)) {
            if (records == null) {
                return false;
            }
            ManifestIndex.Header old = records.header();
            if (old.generation() != reuse.derivedFrom() || !old.allPlain() || head.length > old.bodyStart()) {
                return false;
            }
            try (FileChannel file = FileChannel.open(target, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                if (InPlace.asIndexed(file, target, old) == null) {
                    return false;
                }
                List<Slot> slots = slots(records, file, changed, values);
                if (slots == null) {
                    return false;
                }
                return write(records, file, old, head, slots);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        }
    }

    /** Each changed node's slot and new value, or null when one is not a listed, parse-only model or does not fit. */
    private static List<Slot> slots(IndexRecords records, FileChannel file, Collection<Node> changed, Values values)
            throws IOException {
        Map<String, Node> byId = new LinkedHashMap<>();
        for (Node node : changed) {
            byId.put(node.uniqueId, node);
        }
        List<Slot> slots = new ArrayList<>(byId.size());
        for (Node node : byId.values()) {
            if (node.resourceType != ResourceType.MODEL) {
                return null;
            }
            IndexRecords.Entry entry = records.find("nodes", node.uniqueId);
            if (entry == null || !entry.plain() || !framed(file, entry)) {
                return null;
            }
            byte[] value = values.of(node);
            if (value.length > entry.slotEnd() - entry.start()) {
                return null;
            }
            slots.add(new Slot(entry, value));
        }
        return slots;
    }

    /**
     * The old slot in the file is what the index says: a colon, an object, spaces, then a comma or the section's
     * close. (The file's size and time already match; this guards against an index that is wrong about it.)
     */
    private static boolean framed(FileChannel file, IndexRecords.Entry entry) throws IOException {
        if (entry.start() < 1 || entry.end() <= entry.start() || entry.room() < 0
                || entry.slotEnd() - entry.start() > Integer.MAX_VALUE) {
            return false;
        }
        byte[] before = InPlace.read(file, entry.start() - 1, 2);
        byte[] after = InPlace.read(file, entry.end() - 1, entry.room() + 2);
        if (before.length != 2 || before[0] != ':' || before[1] != '{' || after.length != entry.room() + 2
                || after[0] != '}' || after[after.length - 1] != ',' && after[after.length - 1] != '}') {
            return false;
        }
        for (int i = 1; i <= entry.room(); i++) {
            if (after[i] != ' ') {
                return false;
            }
        }
        return true;
    }

    private boolean write(IndexRecords records, FileChannel file, ManifestIndex.Header old, byte[] head,
                          List<Slot> slots) {
        try {
            records.writeHeader(new ManifestIndex.Header(0, old.fileSize(), old.fileModified(), old.bodyStart(),
                    old.shift(), old.allPlain())); // no generation matches 0: invalid until the patch is done
        } catch (IOException e) {
            return false; // nothing was changed
        }
        try {
            InPlace.write(file, 0, InPlace.padded(head, (int) old.bodyStart()));
            for (Slot slot : slots) {
                IndexRecords.Entry entry = slot.entry();
                InPlace.write(file, entry.start(), InPlace.padded(slot.value(), (int) (entry.slotEnd() - entry.start())));
            }
            for (Slot slot : slots) {
                records.resize(slot.entry(), slot.value().length);
            }
            BasicFileAttributes now = Files.readAttributes(target, BasicFileAttributes.class);
            records.writeHeader(new ManifestIndex.Header(reuse.generation(), now.size(),
                    now.lastModifiedTime().toMillis(), old.bodyStart(), old.shift(), true));
            return true;
        } catch (IOException e) {
            return false; // the index stays invalid: the caller's full write replaces the file
        }
    }
}
