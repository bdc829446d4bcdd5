package dev.sluice.core.artifacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.manifest.Manifest;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.ResourceType;
import dev.sluice.core.manifest.SourceDefinition;
import dev.sluice.core.manifest.TestMetadata;

import java.nio.file.Path;

/**
 * One entry of {@code nodes} (or of a {@code disabled} list): the keys of dbt's node class for the node's resource
 * type, in dbt's order. Seeds carry no SQL fields; tests carry no model fields (the v12 schema forbids extra keys).
 */
final class NodeJson {
    private final Manifest manifest;
    private final ManifestExtras extras;
    private final JsonNode createdAt;

    NodeJson(Manifest manifest, ManifestExtras extras, JsonNode createdAt) {
        this.manifest = manifest;
        this.extras = extras;
        this.createdAt = createdAt;
    }

    ObjectNode toJson(Node node) {
        ObjectNode out = Json.object();
        identity(node, out);
        parsed(node, out);
        if (node.resourceType == ResourceType.SEED) {
            out.put("root_path", rootPath(node));
            ObjectNode dependsOn = Json.object();
            dependsOn.set("macros", Json.strings(node.dependsOnMacros));
            out.set("depends_on", dependsOn);
            out.putNull("defer_relation");
            return out;
        }
        compiled(node, out);
        switch (node.resourceType) {
            case MODEL -> modelFields(node, out);
            case TEST -> {
                if (node.testMetadata != null) {
                    genericTestFields(node, out);
                }
            }
            case SNAPSHOT -> out.putNull("defer_relation");
            case OPERATION -> out.putNull("index");
            default -> {
            }
        }
        return out;
    }

    private void identity(Node node, ObjectNode out) {
        out.put("database", node.database);
        out.put("schema", node.schema);
        out.put("name", node.name);
        out.put("resource_type", node.resourceType.dbtName());
        out.put("package_name", node.packageName);
        out.put("path", node.path);
        out.put("original_file_path", node.originalFilePath);
        out.put("unique_id", node.uniqueId);
        out.set("fqn", Json.strings(node.fqn));
        out.put("alias", node.alias != null ? node.alias : node.name);
        ObjectNode checksum = Json.object();
        checksum.put("name", "sha256");
        // The parser hashes the file; fall back to the code itself so the field is never empty.
        boolean known = node.checksum != null && !node.checksum.isEmpty();
        checksum.put("checksum", known ? node.checksum : Hashes.sha256(node.rawCode == null ? "" : node.rawCode));
        out.set("checksum", checksum);
        out.set("config", ConfigJson.forNode(node));
    }

    private void parsed(Node node, ObjectNode out) {
        out.set("tags", Json.strings(node.tags()));
        out.put("description", node.description == null ? "" : node.description);
        out.set("columns", ColumnJson.columns(node.columns));
        out.set("meta", Json.value(ConfigJson.meta(node)));
        out.put("group", ConfigJson.group(node.config));
        out.set("docs", ConfigJson.docs(node.config));
        out.put("patch_path", node.patchPath);
        out.putNull("build_path");
        out.set("unrendered_config", ConfigJson.unrendered(node.config));
        out.set("created_at", createdAt);
        out.put("relation_name", node.isEphemeral() ? null : extras.relationName(node.uniqueId));
        out.put("raw_code", node.resourceType == ResourceType.SEED || node.rawCode == null ? "" : node.rawCode);
    }

    /** The fields of dbt's CompiledNode; the compiled_* group appears only once the node was compiled, as in dbt. */
    private void compiled(Node node, ObjectNode out) {
        out.put("language", node.language == null ? "sql" : node.language);
        out.set("refs", RefJson.refs(node.refs));
        out.set("sources", RefJson.sources(node.sources));
        out.set("metrics", Json.array());
        ObjectNode dependsOn = Json.object();
        dependsOn.set("macros", Json.strings(node.dependsOnMacros));
        dependsOn.set("nodes", Json.strings(node.dependsOnNodes));
        out.set("depends_on", dependsOn);
        ManifestExtras.CompiledNode compiled = extras.compiledNode(node.uniqueId);
        out.put("compiled_path", compiled == null ? null : compiled.compiledPath());
        if (compiled != null) {
            out.put("compiled", true);
            out.put("compiled_code", compiled.compiledCode());
            out.put("extra_ctes_injected", true);
            ArrayNode ctes = Json.array();
            for (ManifestExtras.InjectedCte cte : compiled.extraCtes()) {
                ctes.addObject().put("id", cte.id()).put("sql", cte.sql());
            }
            out.set("extra_ctes", ctes);
        }
        out.set("contract", ConfigJson.contract(node.config, true));
    }

    private static void modelFields(Node node, ObjectNode out) {
        out.put("access", node.config.getString("access", "protected"));
        out.set("constraints", Json.array());
        out.putNull("version");
        out.putNull("latest_version");
        out.putNull("deprecation_date");
        out.putNull("defer_relation");
        out.set("primary_key", Json.array());
        out.putNull("time_spine");
    }

    private void genericTestFields(Node node, ObjectNode out) {
        out.put("column_name", node.columnName);
        out.put("file_key_name", fileKeyName(node));
        out.put("attached_node", node.attachedNode);
        TestMetadata metadata = node.testMetadata;
        ObjectNode testMetadata = Json.object();
        testMetadata.put("name", metadata.name());
        testMetadata.set("kwargs", Json.objectValue(metadata.kwargs()));
        testMetadata.put("namespace", metadata.namespace());
        out.set("test_metadata", testMetadata);
    }

    /** The YAML key the test was declared under: {@code models.orders}, {@code sources.raw}, ... */
    private String fileKeyName(Node test) {
        if (test.attachedNode != null) {
            Node attached = manifest.nodes.get(test.attachedNode);
            if (attached != null) {
                return plural(attached.resourceType) + "." + attached.name;
            }
        }
        for (String parent : test.dependsOnNodes) {
            SourceDefinition source = manifest.sources.get(parent);
            if (source != null) {
                return "sources." + source.sourceName;
            }
        }
        return null;
    }

    private static String plural(ResourceType type) {
        return switch (type) {
            case ANALYSIS -> "analyses";
            default -> type.dbtName() + "s";
        };
    }

    /** The project folder: given by the engine, else the CSV's path minus its project-relative path. */
    private String rootPath(Node seed) {
        if (extras.projectRoot() != null) {
            return extras.projectRoot();
        }
        if (seed.seedFile == null || seed.originalFilePath == null) {
            return null;
        }
        Path file = seed.seedFile.toAbsolutePath().normalize();
        Path relative = Path.of(seed.originalFilePath).normalize();
        if (!file.endsWith(relative)) {
            return null;
        }
        Path root = file;
        for (int i = 0; i < relative.getNameCount(); i++) {
            root = root.getParent();
        }
        return root == null ? null : root.toString();
    }
}
