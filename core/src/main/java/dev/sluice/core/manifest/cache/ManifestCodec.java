package dev.sluice.core.manifest.cache;

import dev.sluice.core.manifest.ColumnInfo;
import dev.sluice.core.manifest.Doc;
import dev.sluice.core.manifest.Exposure;
import dev.sluice.core.manifest.Macro;
import dev.sluice.core.manifest.Manifest;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.NodeConfig;
import dev.sluice.core.manifest.ResourceType;
import dev.sluice.core.manifest.SourceDefinition;
import dev.sluice.core.manifest.TestMetadata;
import dev.sluice.core.manifest.UnitTestDefinition;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link Manifest} to bytes and reads it back, field by field. Every field of every manifest class is here:
 * {@code ManifestCodecTest} compares a decoded manifest with the original by reflection, so a field added to a
 * manifest class and forgotten here fails that test rather than going stale in users' caches.
 */
public final class ManifestCodec {
    private static final ResourceType[] RESOURCE_TYPES = ResourceType.values();
    private static final UnitTestDefinition.Format[] FORMATS = UnitTestDefinition.Format.values();

    private ManifestCodec() {
    }

    /** The manifest as bytes; throws {@link Uncacheable} if it holds a value the format has no tag for. */
    public static byte[] encode(Manifest manifest) {
        BinaryOut out = new BinaryOut();
        write(out, manifest);
        return out.toByteArray();
    }

    /** Reads what {@link #encode} wrote; throws {@link CorruptCache} on anything else. */
    public static Manifest decode(byte[] bytes) {
        BinaryIn in = new BinaryIn(bytes);
        Manifest manifest = read(in);
        if (!in.atEnd()) {
            throw new CorruptCache("bytes left after the manifest");
        }
        return manifest;
    }

    /**
     * Reads what {@link #encode} wrote, with the nodes of {@code replaced} (unique id -> node) taking the place of
     * the stored ones of the same id, in the stored order.
     */
    public static Manifest decode(byte[] bytes, Map<String, Node> replaced) {
        return decode(bytes, 0, bytes.length, replaced);
    }

    /** {@link #decode(byte[], Map)} of {@code bytes[from, to)}. */
    static Manifest decode(byte[] bytes, int from, int to, Map<String, Node> replaced) {
        BinaryIn in = new BinaryIn(bytes, from, to);
        Manifest manifest = read(in, replaced);
        if (!in.atEnd()) {
            throw new CorruptCache("bytes left after the manifest");
        }
        return manifest;
    }

    /** One node as self-contained bytes (its own string numbering). */
    public static byte[] encodeNode(Node node) {
        BinaryOut out = new BinaryOut();
        writeNode(out, node);
        return out.toByteArray();
    }

    static Node decodeNode(byte[] bytes) {
        BinaryIn in = new BinaryIn(bytes);
        Node node = readNode(in);
        if (!in.atEnd()) {
            throw new CorruptCache("bytes left after a node");
        }
        return node;
    }

    /** The docs alone, as self-contained bytes (a model's YAML patch may need them without the manifest). */
    static byte[] encodeDocs(java.util.Collection<Doc> docs) {
        BinaryOut out = new BinaryOut();
        out.varint(docs.size());
        docs.forEach(doc -> writeDoc(out, doc));
        return out.toByteArray();
    }

    static Map<String, Doc> decodeDocs(byte[] bytes) {
        BinaryIn in = new BinaryIn(bytes);
        Map<String, Doc> docs = new LinkedHashMap<>();
        for (int i = in.count(); i > 0; i--) {
            Doc doc = readDoc(in);
            docs.put(doc.uniqueId(), doc);
        }
        return docs;
    }

    static void write(BinaryOut out, Manifest manifest) {
        out.string(manifest.projectName);
        out.varint(manifest.nodes.size());
        manifest.nodes.values().forEach(node -> writeNode(out, node));
        out.varint(manifest.sources.size());
        manifest.sources.values().forEach(source -> writeSource(out, source));
        out.varint(manifest.macros.size());
        manifest.macros.values().forEach(macro -> writeMacro(out, macro));
        out.varint(manifest.docs.size());
        manifest.docs.values().forEach(doc -> writeDoc(out, doc));
        out.varint(manifest.exposures.size());
        manifest.exposures.values().forEach(exposure -> writeExposure(out, exposure));
        out.varint(manifest.disabled.size());
        manifest.disabled.values().forEach(node -> writeNode(out, node));
        out.map(manifest.selectors);
        out.strings(manifest.sortedIds());
    }

    static Manifest read(BinaryIn in) {
        return read(in, Map.of());
    }

    static Manifest read(BinaryIn in, Map<String, Node> replaced) {
        String projectName = in.string();
        LinkedHashMap<String, Node> nodes = new LinkedHashMap<>();
        for (int i = in.count(); i > 0; i--) {
            Node node = readNode(in);
            nodes.put(node.uniqueId, replaced.getOrDefault(node.uniqueId, node));
        }
        LinkedHashMap<String, SourceDefinition> sources = new LinkedHashMap<>();
        for (int i = in.count(); i > 0; i--) {
            SourceDefinition source = readSource(in);
            sources.put(source.uniqueId, source);
        }
        LinkedHashMap<String, Macro> macros = new LinkedHashMap<>();
        for (int i = in.count(); i > 0; i--) {
            Macro macro = readMacro(in);
            macros.put(macro.uniqueId(), macro);
        }
        LinkedHashMap<String, Doc> docs = new LinkedHashMap<>();
        for (int i = in.count(); i > 0; i--) {
            Doc doc = readDoc(in);
            docs.put(doc.uniqueId(), doc);
        }
        LinkedHashMap<String, Exposure> exposures = new LinkedHashMap<>();
        for (int i = in.count(); i > 0; i--) {
            Exposure exposure = readExposure(in);
            exposures.put(exposure.uniqueId, exposure);
        }
        LinkedHashMap<String, Node> disabled = new LinkedHashMap<>();
        for (int i = in.count(); i > 0; i--) {
            Node node = readNode(in);
            disabled.put(node.uniqueId, node);
        }
        LinkedHashMap<String, Object> selectors = new LinkedHashMap<>(in.stringMap());
        List<String> sortedIds = in.strings();
        return Manifest.adopt(projectName, nodes, sources, macros, docs, exposures, disabled, selectors, sortedIds);
    }

    static void writeNode(BinaryOut out, Node node) {
        out.string(node.uniqueId);
        out.enumValue(node.resourceType);
        out.string(node.packageName);
        out.string(node.name);
        out.string(node.path);
        out.string(node.originalFilePath);
        out.strings(node.fqn);
        out.string(node.rawCode);
        out.string(node.language);
        out.map(node.config.asMap());
        out.string(node.description);
        writeColumns(out, node.columns);
        out.string(node.patchPath);
        out.string(node.database);
        out.string(node.schema);
        out.string(node.alias);
        out.stringLists(node.refs);
        out.stringLists(node.sources);
        out.strings(node.dependsOnNodes);
        out.strings(node.dependsOnMacros);
        out.map(node.meta);
        out.bool(node.testMetadata != null);
        if (node.testMetadata != null) {
            out.string(node.testMetadata.name());
            out.string(node.testMetadata.namespace());
            out.map(node.testMetadata.kwargs());
        }
        out.string(node.columnName);
        out.string(node.attachedNode);
        out.string(node.checksum);
        out.signed(node.line);
        out.string(node.seedFile == null ? null : node.seedFile.toString());
        out.bool(node.unitTest != null);
        if (node.unitTest != null) {
            writeUnitTest(out, node.unitTest);
        }
    }

    static Node readNode(BinaryIn in) {
        Node node = new Node(in.string(), in.enumValue(RESOURCE_TYPES), in.string(), in.string(), in.string(),
                in.string(), in.strings());
        node.rawCode = in.string();
        node.language = in.string();
        node.config = NodeConfig.ofResolved(in.stringMap());
        node.description = in.string();
        readColumns(in, node.columns);
        node.patchPath = in.string();
        node.database = in.string();
        node.schema = in.string();
        node.alias = in.string();
        node.refs.addAll(in.stringLists());
        node.sources.addAll(in.stringLists());
        node.dependsOnNodes.addAll(in.strings());
        node.dependsOnMacros.addAll(in.strings());
        node.meta.putAll(in.stringMap());
        if (in.bool()) {
            node.testMetadata = new TestMetadata(in.string(), in.string(), in.stringMap());
        }
        node.columnName = in.string();
        node.attachedNode = in.string();
        node.checksum = in.string();
        node.line = (int) in.signed();
        String seedFile = in.string();
        node.seedFile = seedFile == null ? null : Path.of(seedFile);
        if (in.bool()) {
            node.unitTest = readUnitTest(in);
        }
        return node;
    }

    private static void writeColumns(BinaryOut out, Map<String, ColumnInfo> columns) {
        out.varint(columns.size());
        columns.forEach((key, column) -> {
            out.string(key);
            out.string(column.name);
            out.string(column.description);
            out.string(column.dataType);
            out.bool(column.quote);
            out.map(column.meta);
            out.strings(column.tags);
        });
    }

    private static void readColumns(BinaryIn in, Map<String, ColumnInfo> columns) {
        for (int i = in.count(); i > 0; i--) {
            String key = in.string();
            ColumnInfo column = new ColumnInfo(in.string());
            column.description = in.string();
            column.dataType = in.string();
            column.quote = in.bool();
            column.meta.putAll(in.stringMap());
            column.tags.addAll(in.strings());
            columns.put(key, column);
        }
    }

    private static void writeUnitTest(BinaryOut out, UnitTestDefinition test) {
        out.string(test.model());
        out.varint(test.given().size());
        for (UnitTestDefinition.Given given : test.given()) {
            out.string(given.input());
            writeFixture(out, given.fixture());
        }
        writeFixture(out, test.expect());
        out.bool(test.overrides() != null);
        if (test.overrides() != null) {
            out.map(test.overrides().macros());
            out.map(test.overrides().vars());
            out.map(test.overrides().envVars());
            out.bool(test.overrides().declared());
        }
    }

    private static UnitTestDefinition readUnitTest(BinaryIn in) {
        String model = in.string();
        List<UnitTestDefinition.Given> given = new ArrayList<>();
        for (int i = in.count(); i > 0; i--) {
            given.add(new UnitTestDefinition.Given(in.string(), readFixture(in)));
        }
        UnitTestDefinition.Fixture expect = readFixture(in);
        UnitTestDefinition.Overrides overrides = null;
        if (in.bool()) {
            overrides = new UnitTestDefinition.Overrides(in.stringMap(), in.stringMap(), in.stringMap(), in.bool());
        }
        return new UnitTestDefinition(model, given, expect, overrides);
    }

    private static void writeFixture(BinaryOut out, UnitTestDefinition.Fixture fixture) {
        out.bool(fixture != null);
        if (fixture != null) {
            out.enumValue(fixture.format());
            out.value(fixture.rows());
            out.string(fixture.fixture());
            out.string(fixture.fixtureText());
        }
    }

    private static UnitTestDefinition.Fixture readFixture(BinaryIn in) {
        if (!in.bool()) {
            return null;
        }
        return new UnitTestDefinition.Fixture(in.enumValue(FORMATS), in.value(), in.string(), in.string());
    }

    static void writeSource(BinaryOut out, SourceDefinition source) {
        out.string(source.uniqueId);
        out.string(source.packageName);
        out.string(source.sourceName);
        out.string(source.name);
        out.string(source.originalFilePath);
        out.strings(source.fqn);
        out.string(source.database);
        out.string(source.schema);
        out.string(source.identifier);
        out.string(source.description);
        out.string(source.sourceDescription);
        out.string(source.loader);
        out.string(source.loadedAtField);
        out.map(source.freshness);
        writeColumns(out, source.columns);
        out.map(source.config.asMap());
        out.map(source.meta);
        out.map(source.sourceMeta);
        out.strings(source.tags);
        out.bool(source.quoteIdentifier);
        out.signed(source.line);
    }

    static SourceDefinition readSource(BinaryIn in) {
        SourceDefinition source = new SourceDefinition(in.string(), in.string(), in.string(), in.string(),
                in.string(), in.strings());
        source.database = in.string();
        source.schema = in.string();
        source.identifier = in.string();
        source.description = in.string();
        source.sourceDescription = in.string();
        source.loader = in.string();
        source.loadedAtField = in.string();
        source.freshness = in.map();
        readColumns(in, source.columns);
        source.config = NodeConfig.ofResolved(in.stringMap());
        source.meta.putAll(in.stringMap());
        source.sourceMeta.putAll(in.stringMap());
        source.tags = in.strings();
        source.quoteIdentifier = in.bool();
        source.line = (int) in.signed();
        return source;
    }

    static void writeMacro(BinaryOut out, Macro macro) {
        out.string(macro.uniqueId());
        out.string(macro.packageName());
        out.string(macro.name());
        out.string(macro.path());
        out.string(macro.originalFilePath());
        out.string(macro.macroSql());
        out.strings(macro.arguments());
        out.signed(macro.line());
    }

    static Macro readMacro(BinaryIn in) {
        return new Macro(in.string(), in.string(), in.string(), in.string(), in.string(), in.string(), in.strings(),
                (int) in.signed());
    }

    static void writeDoc(BinaryOut out, Doc doc) {
        out.string(doc.uniqueId());
        out.string(doc.packageName());
        out.string(doc.name());
        out.string(doc.path());
        out.string(doc.originalFilePath());
        out.string(doc.blockContents());
    }

    static Doc readDoc(BinaryIn in) {
        return new Doc(in.string(), in.string(), in.string(), in.string(), in.string(), in.string());
    }

    static void writeExposure(BinaryOut out, Exposure exposure) {
        out.string(exposure.uniqueId);
        out.string(exposure.packageName);
        out.string(exposure.name);
        out.string(exposure.originalFilePath);
        out.strings(exposure.fqn);
        out.string(exposure.type);
        out.string(exposure.label);
        out.string(exposure.description);
        out.string(exposure.url);
        out.string(exposure.maturity);
        out.map(exposure.owner);
        out.map(exposure.meta);
        out.strings(exposure.tags);
        out.map(exposure.config.asMap());
        out.stringLists(exposure.refs);
        out.stringLists(exposure.sources);
        out.strings(exposure.dependsOnNodes);
    }

    static Exposure readExposure(BinaryIn in) {
        Exposure exposure = new Exposure(in.string(), in.string(), in.string(), in.string(), in.strings());
        exposure.type = in.string();
        exposure.label = in.string();
        exposure.description = in.string();
        exposure.url = in.string();
        exposure.maturity = in.string();
        exposure.owner.putAll(in.stringMap());
        exposure.meta.putAll(in.stringMap());
        exposure.tags = in.strings();
        exposure.config = NodeConfig.ofResolved(in.stringMap());
        exposure.refs.addAll(in.stringLists());
        exposure.sources.addAll(in.stringLists());
        exposure.dependsOnNodes.addAll(in.strings());
        return exposure;
    }
}
