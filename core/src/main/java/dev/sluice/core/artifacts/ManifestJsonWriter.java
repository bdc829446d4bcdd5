package dev.sluice.core.artifacts;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.manifest.Manifest;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.ResourceType;

import java.io.IOException;
import java.math.BigDecimal;
import dev.sluice.core.parallel.InOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Writes {@code target/manifest.json} in dbt's manifest v12 shape.
 *
 * <p>The file is streamed: each resource is written straight to the generator by its serializer ({@code NodeJson},
 * ...), so a project of 80,000 nodes never holds its manifest, nor even one resource, as a JSON tree.
 *
 * <p>Unit tests are written under {@code unit_tests} (not {@code nodes}), as dbt keeps them. Not written (Sluice has
 * no such resources yet): metrics, groups, saved_queries and semantic_models are written as empty objects.
 */
public final class ManifestJsonWriter {
    private final ArtifactFiles files = new ArtifactFiles();

    /** Writes the manifest compactly as UTF-8, atomically replacing {@code file}. */
    public void write(Manifest manifest, ManifestExtras extras, ArtifactMetadata meta, Path file) {
        write(manifest, extras, meta, file, ManifestReuse.NONE);
    }

    /**
     * Writes the manifest, copying entries {@code reuse} says are unchanged from the manifest.json already at
     * {@code file} (when its index shows it was written from the same parse), and leaves the index of what it wrote
     * beside it. Falls back to writing everything whenever the old file does not look exactly as recorded.
     */
    public void write(Manifest manifest, ManifestExtras extras, ArtifactMetadata meta, Path file, ManifestReuse reuse) {
        Path target = file.toAbsolutePath();
        Path indexFile = ManifestIndex.fileFor(target);
        ManifestIndex.Builder written = new ManifestIndex.Builder();
        EntryValues values = EntryValues.parallel(files, InOrder.ofMachine());
        try (PreviousManifest previous = PreviousManifest.open(target, indexFile, reuse)) {
            try {
                files.stream(target, out -> writeTo(out, values, manifest, extras, meta, previous, reuse, written));
            } catch (PreviousManifest.Mismatch e) {
                written.clear();
                files.stream(target, out -> writeTo(out, values, manifest, extras, meta, null, reuse, written));
            }
        }
        PreviousManifest.saveIndex(target, indexFile, reuse.generation(), written);
    }

    /**
     * Spaces after the metadata object (JSON whitespace): a later invocation's metadata, a few bytes longer or shorter,
     * is written over the old one in place while the rest of the file stays as it is.
     */
    private static final String METADATA_ROOM = " ".repeat(64);

    /** The nodes a full write leaves room after and {@link #patchNodes} may patch: models, the nodes users edit. */
    private static boolean patchable(Node node) {
        return node.resourceType == ResourceType.MODEL;
    }

    /**
     * For a manifest that is the very parse the manifest.json at {@code file} was written from ({@code reuse}: same
     * generation, nothing re-parsed), when that file holds it parse-only and is as written: puts a new metadata
     * object in front of the old body (copied by the kernel, not serialized) and moves the index's offsets with it.
     * Returns false, having changed nothing, when any of that does not hold; then {@link #write} is the way.
     */
    public boolean rewriteMetadataOnly(ArtifactMetadata meta, String adapterType, Path file, ManifestReuse reuse) {
        if (reuse.generation() == 0 || reuse.generation() != reuse.derivedFrom()) {
            return false;
        }
        Path target = file.toAbsolutePath();
        Path indexFile = ManifestIndex.fileFor(target);
        ManifestIndex.Header old = ManifestIndex.readHeader(indexFile);
        if (old == null || old.generation() != reuse.generation() || !old.allPlain()) {
            return false;
        }
        byte[] head;
        try (java.nio.channels.FileChannel body = java.nio.channels.FileChannel.open(target)) {
            java.nio.file.attribute.BasicFileAttributes attrs = InPlace.asIndexed(body, target, old);
            if (attrs == null) {
                return false;
            }
            head = metadataHead(meta, adapterType);
            if (head.length <= old.bodyStart()) {
                // it fits in the old metadata's room: written over it, padded with spaces, in one small write
                head = InPlace.padded(head, (int) old.bodyStart());
                try (java.nio.channels.FileChannel in = java.nio.channels.FileChannel.open(target,
                        java.nio.file.StandardOpenOption.WRITE)) {
                    InPlace.write(in, 0, head);
                }
            } else {
                files.spliced(target, head, body, old.bodyStart(), attrs.size());
            }
        } catch (IOException | SluiceException e) {
            return false; // the old file is untouched: write it all instead
        }
        try {
            java.nio.file.attribute.BasicFileAttributes now = java.nio.file.Files.readAttributes(target,
                    java.nio.file.attribute.BasicFileAttributes.class);
            ManifestIndex.rewriteHeader(indexFile, new ManifestIndex.Header(old.generation(), now.size(),
                    now.lastModifiedTime().toMillis(), head.length, old.shift() + head.length - old.bodyStart(), true));
        } catch (IOException e) {
            try {
                java.nio.file.Files.deleteIfExists(indexFile); // the next write is then a full one
            } catch (IOException ignored) {
                // a stale index is rejected by the file's size and time
            }
        }
        return true;
    }

    /**
     * For a manifest that differs from the one in the manifest.json at {@code file} only by the re-parsed model nodes
     * {@code changed} ({@code reuse}: derived from the parse the file was written from, no parent or child map entry
     * changed, nothing else in the file affected): writes each node's new value over its old one in place, padded with
     * spaces to the end of the room the full write left after it, writes the new metadata over the old in its room,
     * and patches the index's header and the nodes' records. A few small writes whatever the project's size.
     *
     * <p>Returns false, having changed nothing, unless the file is exactly as its index recorded it, every entry was
     * written parse-only, every changed node is a model the index lists, and every new value (serialized as a full
     * write would, with {@code extras}, which need cover only these nodes) and the metadata fit where the old ones
     * are. Returns false too when a write fails part way; the index is then no longer valid, so the full write the
     * caller makes next replaces the whole file.
     */
    public boolean patchNodes(java.util.Collection<Node> changed, ManifestExtras extras, ArtifactMetadata meta,
                              Path file, ManifestReuse reuse) {
        if (reuse.generation() == 0 || reuse.derivedFrom() == 0 || !reuse.changedEdges().isEmpty()) {
            return false;
        }
        ManifestExtras known = extras != null ? extras : ManifestExtras.parsedOnly(null);
        NodeJson nodeJson = new NodeJson(null, known, createdAt(known, meta));
        try {
            byte[] head = metadataHead(meta, known.adapterType());
            return new NodePatch(file.toAbsolutePath(), reuse).apply(head, changed,
                    node -> value(nodeJson::write, node));
        } catch (IOException e) {
            return false; // nothing was written: serializing comes before the first write
        }
    }

    /** One resource's value, serialized exactly as a full write puts it in the file. */
    private <T> byte[] value(EntryValues.Item<T> writer, T item) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(4096);
        try (JsonGenerator out = files.generator(bytes)) {
            out.setRootValueSeparator(null);
            writer.write(out, item);
        }
        return bytes.toByteArray();
    }

    /** Every resource's {@code created_at}: when the project was parsed, or failing that when the file is written. */
    private static BigDecimal createdAt(ManifestExtras extras, ArtifactMetadata meta) {
        return Json.epochDecimal(extras.parsedAt() != null ? extras.parsedAt() : meta.generatedAt());
    }

    /** {@code {"metadata":{...}} as a full write starts, without the object's close. */
    private byte[] metadataHead(ArtifactMetadata meta, String adapterType) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(1024);
        try (JsonGenerator out = files.generator(bytes)) {
            out.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
            out.writeStartObject();
            out.writeFieldName("metadata");
            out.writeTree(MetadataJson.manifest(meta, adapterType));
        }
        return bytes.toByteArray();
    }

    /**
     * The exact text {@link #write} would put in the file. Written as bytes, as the file is: the room after a model
     * node is a share of its value's length in bytes.
     */
    public String toText(Manifest manifest, ManifestExtras extras, ArtifactMetadata meta) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(1 << 16);
        JsonSink.Counting counting = new JsonSink.Counting(bytes);
        try (JsonGenerator out = files.generator(counting)) {
            writeTo(new JsonSink(out, counting), EntryValues.DIRECT, manifest, extras, meta, null, ManifestReuse.NONE,
                    new ManifestIndex.Builder());
        } catch (IOException e) {
            throw serializationFailure(e);
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The manifest as a JSON tree, top-level keys in dbt's order, resources sorted by unique id. */
    public ObjectNode toJson(Manifest manifest, ManifestExtras extras, ArtifactMetadata meta) {
        try (TokenBuffer buffer = new TokenBuffer(files.codec(), false)) {
            buffer.forceUseOfBigDecimal(true);
            writeTo(JsonSink.of(buffer), EntryValues.DIRECT, manifest, extras, meta, null, ManifestReuse.NONE,
                    new ManifestIndex.Builder());
            return (ObjectNode) files.codec().readTree(buffer.asParser(files.codec()));
        } catch (IOException e) {
            throw serializationFailure(e);
        }
    }

    private static void writeTo(JsonSink sink, EntryValues values, Manifest manifest, ManifestExtras extras,
                                ArtifactMetadata meta,
                                PreviousManifest previous, ManifestReuse reuse,
                                ManifestIndex.Builder written) throws IOException {
        JsonGenerator out = sink.gen;
        ManifestExtras known = extras != null ? extras : ManifestExtras.parsedOnly(null);
        BigDecimal createdAt = createdAt(known, meta);
        NodeJson nodeJson = new NodeJson(manifest, known, createdAt);
        SourceJson sourceJson = new SourceJson(known, createdAt);
        MacroJson macroJson = new MacroJson(createdAt);
        ExposureJson exposureJson = new ExposureJson(createdAt);
        UnitTestJson unitTestJson = new UnitTestJson(createdAt);

        out.writeStartObject();
        out.writeFieldName("metadata");
        out.writeTree(MetadataJson.manifest(meta, known.adapterType()));
        if (!(out instanceof TokenBuffer)) {
            out.writeRaw(METADATA_ROOM);
        }
        if (sink.hasPositions()) {
            written.bodyStart(sink.position());
        }
        IndexedEntries<Node> nodes = new IndexedEntries<>(sink, values, "nodes", previous, written,
                node -> !reuse.changedNodes().contains(node.uniqueId) && known.compiledNode(node.uniqueId) == null,
                node -> known.compiledNode(node.uniqueId) == null, ManifestJsonWriter::patchable);
        nodes.write(manifest.sortedIds(), manifest.nodes, node -> node.resourceType != ResourceType.UNIT_TEST,
                nodeJson::write);
        sorted(out, values, "sources", manifest.sources, any -> true, sourceJson::write);
        sorted(out, values, "macros", manifest.macros, any -> true, macroJson::write);
        sorted(out, values, "docs", manifest.docs, any -> true, DocJson::write);
        sorted(out, values, "exposures", manifest.exposures, any -> true, exposureJson::write);
        empty(out, "metrics");
        empty(out, "groups");
        out.writeFieldName("selectors");
        out.writeTree(Json.value(manifest.selectors));
        // dbt keeps a list per unique id (a disabled node may be defined more than once); Sluice has one each.
        sorted(out, values, "disabled", manifest.disabled, any -> true, (g, node) -> {
            g.writeStartArray();
            if (node.resourceType == ResourceType.UNIT_TEST && node.unitTest != null) {
                unitTestJson.write(g, node);
            } else {
                nodeJson.write(g, node);
            }
            g.writeEndArray();
        });
        for (String section : List.of("parent_map", "child_map")) {
            new IndexedEntries<java.util.Collection<String>>(sink, values, section, previous, written,
                    ids -> true, ids -> true, ids -> false).writeEdges(manifest.sortedIds(),
                    section.equals("parent_map") ? manifest::parentsOf : manifest.childMap::get,
                    reuse.changedEdges());
        }
        edges(out, "group_map", groupMap(manifest.nodes));
        empty(out, "saved_queries");
        empty(out, "semantic_models");
        out.writeObjectFieldStart("unit_tests");
        for (String id : sortedIds(manifest.nodes, node -> node.resourceType == ResourceType.UNIT_TEST)) {
            out.writeFieldName(id);
            unitTestJson.write(out, manifest.nodes.get(id));
        }
        out.writeEndObject();
        out.writeEndObject();
    }

    private static <T> void sorted(JsonGenerator out, EntryValues values, String field, Map<String, T> items,
                                   Predicate<T> keep, EntryValues.Item<T> writer) throws IOException {
        out.writeObjectFieldStart(field);
        List<String> kept = new ArrayList<>(items.size());
        for (String id : sortedKeys(items)) {
            if (keep.test(items.get(id))) {
                kept.add(id);
            }
        }
        EntryValues.Section section = values.section(kept, items::get, writer);
        for (String id : kept) {
            out.writeFieldName(id);
            section.writeNext(out);
        }
        out.writeEndObject();
    }


    private static void edges(JsonGenerator out, String field, Map<String, List<String>> map) throws IOException {
        out.writeObjectFieldStart(field);
        for (String id : sortedKeys(map)) {
            out.writeArrayFieldStart(id);
            for (String other : map.get(id)) {
                out.writeString(other);
            }
            out.writeEndArray();
        }
        out.writeEndObject();
    }

    private static void empty(JsonGenerator out, String field) throws IOException {
        out.writeObjectFieldStart(field);
        out.writeEndObject();
    }

    private static String[] sortedKeys(Map<String, ?> map) {
        String[] keys = map.keySet().toArray(new String[0]);
        Arrays.sort(keys);
        return keys;
    }

    /** group name -> unique ids of the nodes whose config names that group, sorted. */
    private static Map<String, List<String>> groupMap(Map<String, Node> nodes) {
        Map<String, List<String>> groups = new TreeMap<>();
        for (Map.Entry<String, Node> entry : nodes.entrySet()) { // in manifest order, sorted below
            String group = ConfigJson.group(entry.getValue().config);
            if (group != null) {
                groups.computeIfAbsent(group, g -> new ArrayList<>()).add(entry.getKey());
            }
        }
        groups.values().forEach(ids -> ids.sort(null));
        return groups;
    }

    /** The ids of the nodes that pass {@code test}, sorted; walks the nodes rather than looking up every id. */
    private static List<String> sortedIds(Map<String, Node> nodes, Predicate<Node> test) {
        List<String> ids = new ArrayList<>();
        for (Map.Entry<String, Node> entry : nodes.entrySet()) {
            if (test.test(entry.getValue())) {
                ids.add(entry.getKey());
            }
        }
        ids.sort(null);
        return ids;
    }

    private static SluiceException serializationFailure(IOException e) {
        return new SluiceException(ErrorCode.INTERNAL, "Could not serialize the manifest: " + e.getMessage(), null,
                null, e);
    }
}
