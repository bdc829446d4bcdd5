package dev.sluice.core.artifacts;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.manifest.Manifest;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.ResourceType;
import dev.sluice.core.parallel.InOrder;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
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
        EntryValues values = EntryValues.parallel(files, InOrder.ofMachine());
        files.stream(file, out -> writeTo(out, values, manifest, extras, meta));
    }

    /** The exact text {@link #write} would put in the file. */
    public String toText(Manifest manifest, ManifestExtras extras, ArtifactMetadata meta) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = files.generator(text)) {
            writeTo(out, EntryValues.DIRECT, manifest, extras, meta);
        } catch (IOException e) {
            throw serializationFailure(e);
        }
        return text.toString();
    }

    /** The manifest as a JSON tree, top-level keys in dbt's order, resources sorted by unique id. */
    public ObjectNode toJson(Manifest manifest, ManifestExtras extras, ArtifactMetadata meta) {
        try (TokenBuffer buffer = new TokenBuffer(files.codec(), false)) {
            buffer.forceUseOfBigDecimal(true);
            writeTo(buffer, EntryValues.DIRECT, manifest, extras, meta);
            return (ObjectNode) files.codec().readTree(buffer.asParser(files.codec()));
        } catch (IOException e) {
            throw serializationFailure(e);
        }
    }

    private static void writeTo(JsonGenerator out, EntryValues values, Manifest manifest, ManifestExtras extras,
                                ArtifactMetadata meta) throws IOException {
        ManifestExtras known = extras != null ? extras : ManifestExtras.parsedOnly(null);
        BigDecimal createdAt = Json.epochDecimal(known.parsedAt() != null ? known.parsedAt() : meta.generatedAt());
        NodeJson nodeJson = new NodeJson(manifest, known, createdAt);
        SourceJson sourceJson = new SourceJson(known, createdAt);
        MacroJson macroJson = new MacroJson(createdAt);
        ExposureJson exposureJson = new ExposureJson(createdAt);
        UnitTestJson unitTestJson = new UnitTestJson(createdAt);
        ManifestIds ids = new ManifestIds(manifest);

        out.writeStartObject();
        out.writeFieldName("metadata");
        out.writeTree(MetadataJson.manifest(meta, known.adapterType()));
        sorted(out, values, "nodes", ids.nodes(), manifest.nodes,
                node -> node.resourceType != ResourceType.UNIT_TEST, nodeJson::write);
        sorted(out, values, "sources", ManifestIds.sorted(manifest.sources), manifest.sources, any -> true,
                sourceJson::write);
        sorted(out, values, "macros", ManifestIds.sorted(manifest.macros), manifest.macros, any -> true,
                macroJson::write);
        sorted(out, values, "docs", ManifestIds.sorted(manifest.docs), manifest.docs, any -> true, DocJson::write);
        sorted(out, values, "exposures", ManifestIds.sorted(manifest.exposures), manifest.exposures, any -> true,
                exposureJson::write);
        empty(out, "metrics");
        empty(out, "groups");
        out.writeFieldName("selectors");
        out.writeTree(Json.value(manifest.selectors));
        // dbt keeps a list per unique id (a disabled node may be defined more than once); Sluice has one each.
        sorted(out, values, "disabled", ManifestIds.sorted(manifest.disabled), manifest.disabled, any -> true,
                (g, node) -> disabled(g, node, nodeJson, unitTestJson));
        edges(out, values, "parent_map", ids.edgeKeys(manifest.parentMap), manifest.parentMap);
        edges(out, values, "child_map", ids.edgeKeys(manifest.childMap), manifest.childMap);
        Map<String, List<String>> groups = groupMap(ids.nodes(), manifest.nodes);
        edges(out, values, "group_map", groups.keySet().toArray(new String[0]), groups);
        empty(out, "saved_queries");
        empty(out, "semantic_models");
        sorted(out, values, "unit_tests", ids.nodes(), manifest.nodes,
                node -> node.resourceType == ResourceType.UNIT_TEST, unitTestJson::write);
        out.writeEndObject();
    }

    private static <T> void sorted(JsonGenerator out, EntryValues values, String field, String[] ids,
                                   Map<String, T> items, Predicate<T> keep, EntryValues.Item<T> writer)
            throws IOException {
        out.writeObjectFieldStart(field);
        List<String> kept = new ArrayList<>(ids.length);
        for (String id : ids) {
            if (keep.test(items.get(id))) {
                kept.add(id);
            }
        }
        EntryValues.Section section = values.section(kept, items, writer);
        for (String id : kept) {
            out.writeFieldName(id);
            section.writeNext(out);
        }
        out.writeEndObject();
    }

    private static void disabled(JsonGenerator out, Node node, NodeJson nodeJson, UnitTestJson unitTestJson)
            throws IOException {
        out.writeStartArray();
        if (node.resourceType == ResourceType.UNIT_TEST && node.unitTest != null) {
            unitTestJson.write(out, node);
        } else {
            nodeJson.write(out, node);
        }
        out.writeEndArray();
    }

    private static void edges(JsonGenerator out, EntryValues values, String field, String[] ids,
                              Map<String, List<String>> map) throws IOException {
        out.writeObjectFieldStart(field);
        EntryValues.Section section = values.section(Arrays.asList(ids), map, ManifestJsonWriter::edgeList);
        for (String id : ids) {
            out.writeFieldName(id);
            section.writeNext(out);
        }
        out.writeEndObject();
    }

    private static void edgeList(JsonGenerator out, List<String> others) throws IOException {
        out.writeStartArray();
        for (String other : others) {
            out.writeString(other);
        }
        out.writeEndArray();
    }

    private static void empty(JsonGenerator out, String field) throws IOException {
        out.writeObjectFieldStart(field);
        out.writeEndObject();
    }

    /** group name (sorted) -> unique ids of the nodes whose config names that group. */
    private static Map<String, List<String>> groupMap(String[] sortedIds, Map<String, Node> nodes) {
        Map<String, List<String>> groups = new TreeMap<>();
        for (String id : sortedIds) {
            String group = ConfigJson.group(nodes.get(id).config);
            if (group != null) {
                groups.computeIfAbsent(group, g -> new ArrayList<>()).add(id);
            }
        }
        return groups;
    }

    private static SluiceException serializationFailure(IOException e) {
        return new SluiceException(ErrorCode.INTERNAL, "Could not serialize the manifest: " + e.getMessage(), null,
                null, e);
    }
}
