package dev.sluice.core.artifacts;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.manifest.Manifest;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.ResourceType;
import dev.sluice.core.manifest.SourceDefinition;
import dev.sluice.core.manifest.TestMetadata;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;

/**
 * One entry of {@code nodes} (or of a {@code disabled} list): the keys of dbt's node class for the node's resource
 * type, in dbt's order. Seeds carry no SQL fields; tests carry no model fields (the v12 schema forbids extra keys).
 */
final class NodeJson {
    private final Manifest manifest;
    private final ManifestExtras extras;
    private final BigDecimal createdAt;

    NodeJson(Manifest manifest, ManifestExtras extras, BigDecimal createdAt) {
        this.manifest = manifest;
        this.extras = extras;
        this.createdAt = createdAt;
    }

    /** The entry as a tree (for tests). */
    ObjectNode toJson(Node node) {
        return Json.tree(out -> write(out, node));
    }

    void write(JsonGenerator out, Node node) throws IOException {
        out.writeStartObject();
        identity(node, out);
        parsed(node, out);
        if (node.resourceType == ResourceType.SEED) {
            JsonOut.string(out, "root_path", rootPath(node));
            out.writeObjectFieldStart("depends_on");
            JsonOut.strings(out, "macros", node.dependsOnMacros);
            out.writeEndObject();
            out.writeNullField("defer_relation");
            out.writeEndObject();
            return;
        }
        compiled(node, out);
        switch (node.resourceType) {
            case MODEL -> modelFields(node, out);
            case TEST -> {
                if (node.testMetadata != null) {
                    genericTestFields(node, out);
                }
            }
            case SNAPSHOT -> out.writeNullField("defer_relation");
            case OPERATION -> out.writeNullField("index");
            default -> {
            }
        }
        out.writeEndObject();
    }

    private void identity(Node node, JsonGenerator out) throws IOException {
        JsonOut.string(out, "database", node.database);
        JsonOut.string(out, "schema", node.schema);
        JsonOut.string(out, "name", node.name);
        JsonOut.string(out, "resource_type", node.resourceType.dbtName());
        JsonOut.string(out, "package_name", node.packageName);
        JsonOut.string(out, "path", node.path);
        JsonOut.string(out, "original_file_path", node.originalFilePath);
        JsonOut.string(out, "unique_id", node.uniqueId);
        JsonOut.strings(out, "fqn", node.fqn);
        JsonOut.string(out, "alias", node.alias != null ? node.alias : node.name);
        out.writeObjectFieldStart("checksum");
        JsonOut.string(out, "name", "sha256");
        // The parser hashes the file; fall back to the code itself so the field is never empty.
        boolean known = node.checksum != null && !node.checksum.isEmpty();
        JsonOut.string(out, "checksum", known ? node.checksum
                : Hashes.sha256(node.rawCode == null ? "" : node.rawCode));
        out.writeEndObject();
        out.writeFieldName("config");
        ConfigJson.forNode(out, node);
    }

    private void parsed(Node node, JsonGenerator out) throws IOException {
        JsonOut.strings(out, "tags", node.tags());
        JsonOut.string(out, "description", node.description == null ? "" : node.description);
        out.writeFieldName("columns");
        ColumnJson.columns(out, node.columns);
        JsonOut.field(out, "meta", ConfigJson.meta(node));
        JsonOut.string(out, "group", ConfigJson.group(node.config));
        out.writeFieldName("docs");
        ConfigJson.docs(out, node.config);
        JsonOut.string(out, "patch_path", node.patchPath);
        out.writeNullField("build_path");
        out.writeFieldName("unrendered_config");
        ConfigJson.unrendered(out, node.config);
        out.writeFieldName("created_at");
        out.writeNumber(createdAt);
        JsonOut.string(out, "relation_name", node.isEphemeral() ? null : extras.relationName(node.uniqueId));
        JsonOut.string(out, "raw_code",
                node.resourceType == ResourceType.SEED || node.rawCode == null ? "" : node.rawCode);
    }

    /** The fields of dbt's CompiledNode; the compiled_* group appears only once the node was compiled, as in dbt. */
    private void compiled(Node node, JsonGenerator out) throws IOException {
        JsonOut.string(out, "language", node.language == null ? "sql" : node.language);
        out.writeFieldName("refs");
        RefJson.refs(out, node.refs);
        out.writeFieldName("sources");
        RefJson.sources(out, node.sources);
        JsonOut.emptyArray(out, "metrics");
        out.writeObjectFieldStart("depends_on");
        JsonOut.strings(out, "macros", node.dependsOnMacros);
        JsonOut.strings(out, "nodes", node.dependsOnNodes);
        out.writeEndObject();
        ManifestExtras.CompiledNode compiled = extras.compiledNode(node.uniqueId);
        JsonOut.string(out, "compiled_path", compiled == null ? null : compiled.compiledPath());
        if (compiled != null) {
            out.writeBooleanField("compiled", true);
            JsonOut.string(out, "compiled_code", compiled.compiledCode());
            out.writeBooleanField("extra_ctes_injected", true);
            out.writeArrayFieldStart("extra_ctes");
            for (ManifestExtras.InjectedCte cte : compiled.extraCtes()) {
                out.writeStartObject();
                JsonOut.string(out, "id", cte.id());
                JsonOut.string(out, "sql", cte.sql());
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        out.writeFieldName("contract");
        ConfigJson.contract(out, node.config, true);
    }

    private static void modelFields(Node node, JsonGenerator out) throws IOException {
        JsonOut.string(out, "access", node.config.getString("access", "protected"));
        JsonOut.emptyArray(out, "constraints");
        out.writeNullField("version");
        out.writeNullField("latest_version");
        out.writeNullField("deprecation_date");
        out.writeNullField("defer_relation");
        JsonOut.emptyArray(out, "primary_key");
        out.writeNullField("time_spine");
    }

    private void genericTestFields(Node node, JsonGenerator out) throws IOException {
        JsonOut.string(out, "column_name", node.columnName);
        JsonOut.string(out, "file_key_name", fileKeyName(node));
        JsonOut.string(out, "attached_node", node.attachedNode);
        TestMetadata metadata = node.testMetadata;
        out.writeObjectFieldStart("test_metadata");
        JsonOut.string(out, "name", metadata.name());
        out.writeFieldName("kwargs");
        JsonOut.objectValue(out, metadata.kwargs());
        JsonOut.string(out, "namespace", metadata.namespace());
        out.writeEndObject();
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
