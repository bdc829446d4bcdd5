package dev.sluice.core.artifacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.manifest.Manifest;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.ResourceType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Writes {@code target/manifest.json} in dbt's manifest v12 shape.
 *
 * <p>Unit tests are written under {@code unit_tests} (not {@code nodes}), as dbt keeps them. Not written (Sluice has
 * no such resources yet): metrics, groups, saved_queries and semantic_models are written as empty objects.
 */
public final class ManifestJsonWriter {
    private final ArtifactFiles files = new ArtifactFiles();

    /** Writes the manifest compactly as UTF-8, atomically replacing {@code file}. */
    public void write(Manifest manifest, ManifestExtras extras, ArtifactMetadata meta, Path file) {
        files.write(toJson(manifest, extras, meta), file);
    }

    /** The exact text {@link #write} would put in the file. */
    public String toText(Manifest manifest, ManifestExtras extras, ArtifactMetadata meta) {
        return files.toText(toJson(manifest, extras, meta));
    }

    /** The manifest as a JSON tree, top-level keys in dbt's order, resources sorted by unique id. */
    public ObjectNode toJson(Manifest manifest, ManifestExtras extras, ArtifactMetadata meta) {
        ManifestExtras known = extras != null ? extras : ManifestExtras.parsedOnly(null);
        JsonNode createdAt = Json.epochSeconds(known.parsedAt() != null ? known.parsedAt() : meta.generatedAt());
        NodeJson nodeJson = new NodeJson(manifest, known, createdAt);
        SourceJson sourceJson = new SourceJson(known, createdAt);
        MacroJson macroJson = new MacroJson(createdAt);
        ExposureJson exposureJson = new ExposureJson(createdAt);
        UnitTestJson unitTestJson = new UnitTestJson(createdAt);

        ObjectNode root = Json.object();
        root.set("metadata", MetadataJson.manifest(meta, known.adapterType()));
        root.set("nodes", sorted(withoutUnitTests(manifest.nodes), nodeJson::toJson));
        root.set("sources", sorted(manifest.sources, sourceJson::toJson));
        root.set("macros", sorted(manifest.macros, macroJson::toJson));
        root.set("docs", sorted(manifest.docs, DocJson::toJson));
        root.set("exposures", sorted(manifest.exposures, exposureJson::toJson));
        root.set("metrics", Json.object());
        root.set("groups", Json.object());
        root.set("selectors", Json.value(manifest.selectors));
        root.set("disabled", disabled(manifest.disabled, nodeJson, unitTestJson));
        root.set("parent_map", edges(manifest.parentMap));
        root.set("child_map", edges(manifest.childMap));
        root.set("group_map", groupMap(manifest.nodes));
        root.set("saved_queries", Json.object());
        root.set("semantic_models", Json.object());
        root.set("unit_tests", sorted(unitTests(manifest.nodes), unitTestJson::toJson));
        return root;
    }

    private static <T> ObjectNode sorted(Map<String, T> items, Function<T, ObjectNode> toJson) {
        ObjectNode out = Json.object();
        new TreeMap<>(items).forEach((id, item) -> out.set(id, toJson.apply(item)));
        return out;
    }

    private static Map<String, Node> withoutUnitTests(Map<String, Node> nodes) {
        Map<String, Node> out = new TreeMap<>();
        nodes.forEach((id, node) -> {
            if (node.resourceType != ResourceType.UNIT_TEST) {
                out.put(id, node);
            }
        });
        return out;
    }

    private static Map<String, Node> unitTests(Map<String, Node> nodes) {
        Map<String, Node> out = new TreeMap<>();
        nodes.forEach((id, node) -> {
            if (node.resourceType == ResourceType.UNIT_TEST) {
                out.put(id, node);
            }
        });
        return out;
    }

    /** dbt keeps a list per unique id (a disabled node may be defined more than once); Sluice has one each. */
    private static ObjectNode disabled(Map<String, Node> disabled, NodeJson nodeJson, UnitTestJson unitTestJson) {
        ObjectNode out = Json.object();
        new TreeMap<>(disabled).forEach((id, node) -> {
            ArrayNode versions = Json.array();
            versions.add(node.resourceType == ResourceType.UNIT_TEST && node.unitTest != null
                    ? unitTestJson.toJson(node) : nodeJson.toJson(node));
            out.set(id, versions);
        });
        return out;
    }

    private static ObjectNode edges(Map<String, List<String>> map) {
        ObjectNode out = Json.object();
        new TreeMap<>(map).forEach((id, ids) -> out.set(id, Json.strings(ids)));
        return out;
    }

    /** group name -> unique ids of the nodes whose config names that group. */
    private static ObjectNode groupMap(Map<String, Node> nodes) {
        Map<String, List<String>> groups = new TreeMap<>();
        new TreeMap<>(nodes).forEach((id, node) -> {
            String group = ConfigJson.group(node.config);
            if (group != null) {
                groups.computeIfAbsent(group, g -> new ArrayList<>()).add(id);
            }
        });
        return edges(groups);
    }
}
