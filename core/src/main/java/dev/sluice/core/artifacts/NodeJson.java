package dev.sluice.core.artifacts;

import static dev.sluice.core.artifacts.FieldNames.*;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
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
    private final String createdAtText;

    /**
     * {@code manifest} is read only for a generic test's {@code file_key_name} (the kind of the node it is attached
     * to); it may be null when only other nodes are written, as when re-parsed models are patched into manifest.json
     * without the whole manifest decoded.
     */
    NodeJson(Manifest manifest, ManifestExtras extras, BigDecimal createdAt) {
        this.manifest = manifest;
        this.extras = extras;
        this.createdAt = createdAt;
        this.createdAtText = createdAt.toPlainString();
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
            JsonOut.string(out, ROOT_PATH, rootPath(node));
            JsonOut.objectStart(out, DEPENDS_ON);
            JsonOut.strings(out, MACROS, node.dependsOnMacros);
            out.writeEndObject();
            JsonOut.nullField(out, DEFER_RELATION);
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
            case SNAPSHOT -> JsonOut.nullField(out, DEFER_RELATION);
            case OPERATION -> JsonOut.nullField(out, INDEX);
            default -> {
            }
        }
        out.writeEndObject();
    }

    private void identity(Node node, JsonGenerator out) throws IOException {
        JsonOut.string(out, DATABASE, node.database);
        JsonOut.string(out, SCHEMA, node.schema);
        JsonOut.string(out, NAME, node.name);
        JsonOut.string(out, RESOURCE_TYPE, node.resourceType.dbtName());
        JsonOut.string(out, PACKAGE_NAME, node.packageName);
        JsonOut.string(out, PATH, node.path);
        JsonOut.string(out, ORIGINAL_FILE_PATH, node.originalFilePath);
        JsonOut.string(out, UNIQUE_ID, node.uniqueId);
        JsonOut.strings(out, FQN, node.fqn);
        JsonOut.string(out, ALIAS, node.alias != null ? node.alias : node.name);
        JsonOut.objectStart(out, CHECKSUM);
        JsonOut.string(out, NAME, "sha256");
        // The parser hashes the file; fall back to the code itself so the field is never empty.
        boolean known = node.checksum != null && !node.checksum.isEmpty();
        JsonOut.string(out, CHECKSUM, known ? node.checksum
                : Hashes.sha256(node.rawCode == null ? "" : node.rawCode));
        out.writeEndObject();
        out.writeFieldName(CONFIG);
        ConfigJson.forNode(out, node);
    }

    private void parsed(Node node, JsonGenerator out) throws IOException {
        JsonOut.strings(out, TAGS, node.tags());
        JsonOut.string(out, DESCRIPTION, node.description == null ? "" : node.description);
        out.writeFieldName(COLUMNS);
        ColumnJson.columns(out, node.columns);
        JsonOut.field(out, META, ConfigJson.meta(node));
        JsonOut.string(out, GROUP, ConfigJson.group(node.config));
        out.writeFieldName(DOCS);
        ConfigJson.docs(out, node.config);
        JsonOut.string(out, PATCH_PATH, node.patchPath);
        JsonOut.nullField(out, BUILD_PATH);
        out.writeFieldName(UNRENDERED_CONFIG);
        ConfigJson.unrendered(out, node.config);
        out.writeFieldName(CREATED_AT);
        if (out instanceof TokenBuffer) {
            out.writeNumber(createdAt); // a tree keeps the number as a BigDecimal
        } else {
            out.writeNumber(createdAtText); // the same digits, formatted once rather than per node
        }
        JsonOut.string(out, RELATION_NAME, node.isEphemeral() ? null : extras.relationName(node.uniqueId));
        JsonOut.string(out, RAW_CODE,
                node.resourceType == ResourceType.SEED || node.rawCode == null ? "" : node.rawCode);
    }

    /** The fields of dbt's CompiledNode; the compiled_* group appears only once the node was compiled, as in dbt. */
    private void compiled(Node node, JsonGenerator out) throws IOException {
        JsonOut.string(out, LANGUAGE, node.language == null ? "sql" : node.language);
        out.writeFieldName(REFS);
        RefJson.refs(out, node.refs);
        out.writeFieldName(SOURCES);
        RefJson.sources(out, node.sources);
        JsonOut.emptyArray(out, METRICS);
        JsonOut.objectStart(out, DEPENDS_ON);
        JsonOut.strings(out, MACROS, node.dependsOnMacros);
        JsonOut.strings(out, NODES, node.dependsOnNodes);
        out.writeEndObject();
        ManifestExtras.CompiledNode compiled = extras.compiledNode(node.uniqueId);
        JsonOut.string(out, COMPILED_PATH, compiled == null ? null : compiled.compiledPath());
        if (compiled != null) {
            JsonOut.booleanField(out, COMPILED, true);
            JsonOut.string(out, COMPILED_CODE, compiled.compiledCode());
            JsonOut.booleanField(out, EXTRA_CTES_INJECTED, true);
            JsonOut.arrayStart(out, EXTRA_CTES);
            for (ManifestExtras.InjectedCte cte : compiled.extraCtes()) {
                out.writeStartObject();
                JsonOut.string(out, ID, cte.id());
                JsonOut.string(out, SQL, cte.sql());
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        out.writeFieldName(CONTRACT);
        ConfigJson.contract(out, node.config, true);
    }

    private static void modelFields(Node node, JsonGenerator out) throws IOException {
        JsonOut.string(out, ACCESS, node.config.getString("access", "protected"));
        JsonOut.emptyArray(out, CONSTRAINTS);
        JsonOut.nullField(out, VERSION);
        JsonOut.nullField(out, LATEST_VERSION);
        JsonOut.nullField(out, DEPRECATION_DATE);
        JsonOut.nullField(out, DEFER_RELATION);
        JsonOut.emptyArray(out, PRIMARY_KEY);
        JsonOut.nullField(out, TIME_SPINE);
    }

    private void genericTestFields(Node node, JsonGenerator out) throws IOException {
        JsonOut.string(out, COLUMN_NAME, node.columnName);
        JsonOut.string(out, FILE_KEY_NAME, fileKeyName(node));
        JsonOut.string(out, ATTACHED_NODE, node.attachedNode);
        TestMetadata metadata = node.testMetadata;
        JsonOut.objectStart(out, TEST_METADATA);
        JsonOut.string(out, NAME, metadata.name());
        out.writeFieldName(KWARGS);
        JsonOut.objectValue(out, metadata.kwargs());
        JsonOut.string(out, NAMESPACE, metadata.namespace());
        out.writeEndObject();
    }

    /** The YAML key the test was declared under: {@code models.orders}, {@code sources.raw}, ... */
    private String fileKeyName(Node test) {
        if (manifest == null) {
            throw new IllegalStateException("a generic test's file_key_name needs the manifest: " + test.uniqueId);
        }
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
