package dev.sluice.core.manifest.parse;

import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.errors.SourceLocation;
import dev.sluice.core.jinja.JinjaEngine;
import dev.sluice.core.jinja.MacroLibrary;
import dev.sluice.core.jinja.NodeContext;
import dev.sluice.core.jinja.RenderSession;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.ResourceType;
import dev.sluice.core.project.Vars;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Makes the nodes that files define (models, seeds, singular tests, analyses), with their project configs, and runs
 * the parse render of SQL files so {@code ref}, {@code source} and {@code config()} calls are recorded.
 */
final class NodeFactory {
    private static final long SEED_CHECKSUM_LIMIT = 1024 * 1024;

    private final JinjaEngine jinja;
    private final MacroLibrary macros;
    private final NodeContext.Invocation invocation;
    private final ParseTarget target;
    private final Vars vars;
    private final DispatchOrder dispatchOrder;
    private final java.util.function.Function<ProjectFile, String> reader;

    /** {@code reader} reads a file's text (the parse's index, which remembers what it read for the parse cache). */
    NodeFactory(JinjaEngine jinja, MacroLibrary macros, NodeContext.Invocation invocation, ParseTarget target, Vars vars,
                DispatchOrder dispatchOrder, java.util.function.Function<ProjectFile, String> reader) {
        this.jinja = jinja;
        this.macros = macros;
        this.invocation = invocation;
        this.target = target;
        this.vars = vars;
        this.dispatchOrder = dispatchOrder;
        this.reader = reader;
    }

    Node create(ResourceType type, String packageName, ProjectFile file, List<Map<String, Object>> projectTrees) {
        String name = file.stem();
        List<String> fqn = new ArrayList<>();
        fqn.add(packageName);
        fqn.addAll(file.folders());
        fqn.add(name);
        String uniqueId = type.dbtName() + "." + packageName + "." + name;
        Node node = new Node(uniqueId, type, packageName, name, file.pathInRoot(), file.originalFilePath(), fqn);
        if (type == ResourceType.MODEL && file.extension().equals("py")) {
            node.language = "python";
            node.config.set("materialized", "table");
        }
        projectTrees.forEach(tree -> FolderConfigs.apply(tree, fqn, node.config));
        if (type == ResourceType.TEST && !node.config.has("severity")) {
            node.config.set("severity", "ERROR");
        }
        if (type == ResourceType.SEED) {
            node.seedFile = file.absolute();
            node.checksum = seedChecksum(file);
        } else {
            node.rawCode = reader.apply(file);
            node.checksum = sha256(node.rawCode);
        }
        return node;
    }

    /** A snapshot from a {@code {% snapshot %}} block, or from YAML ({@code relation: ref('x')}). */
    Node snapshot(String packageName, ProjectFile file, String name, String body, int line,
                  List<Map<String, Object>> projectTrees) {
        List<String> fqn = new ArrayList<>();
        fqn.add(packageName);
        fqn.addAll(file.folders());
        fqn.add(name);
        Node node = new Node("snapshot." + packageName + "." + name, ResourceType.SNAPSHOT, packageName, name,
                file.pathInRoot(), file.originalFilePath(), fqn);
        node.config.set("materialized", "snapshot");
        projectTrees.forEach(tree -> FolderConfigs.apply(tree, fqn, node.config));
        node.rawCode = body;
        node.line = line;
        node.checksum = sha256(body);
        return node;
    }

    /** The parse render: records refs, sources and config; the output is thrown away. */
    void parseRender(Node node) {
        if ("python".equals(node.language)) {
            PythonModelParse.apply(node);
            return;
        }
        if (node.rawCode.isEmpty() || (!node.rawCode.contains("{{") && !node.rawCode.contains("{%"))) {
            return;
        }
        if (node.originalFilePath.endsWith(".sql")) {
            List<StaticParser.Call> calls = StaticParser.parse(node.rawCode);
            if (calls != null) {
                record(node, calls);
                return;
            }
        }
        Map<String, Object> context = parseContext(node);
        try {
            jinja.render(node.rawCode, context, macros, node.packageName, node.originalFilePath, new RenderSession());
        } catch (SluiceException e) {
            throw e.at(node.describe(), SourceLocation.of(node.originalFilePath));
        }
    }

    /** What the parse render of a file with only literal ref/source/config calls records, without Jinja. */
    private void record(Node node, List<StaticParser.Call> calls) {
        ParseHost host = new ParseHost(node, target.dialect(), target.database(), target.schema(), dispatchOrder);
        for (StaticParser.Call call : calls) {
            List<Object> args = call.positional();
            switch (call.function()) {
                case "ref" -> {
                    if (args.size() == 2) {
                        host.ref((String) args.get(0), (String) args.get(1), null);
                    } else {
                        host.ref(null, (String) args.get(0), null);
                    }
                }
                case "source" -> host.source((String) args.get(0), (String) args.get(1));
                default -> host.config(new java.util.LinkedHashMap<>(call.keywords()));
            }
        }
    }

    /** The dbt context of the parse render: ref/source/config record into the node. */
    Map<String, Object> parseContext(Node node) {
        ParseHost host = new ParseHost(node, target.dialect(), target.database(), target.schema(), dispatchOrder);
        return NodeContext.build(invocation, host, vars.forPackage(node.packageName), NodeDicts.of(node),
                node.describe());
    }

    private static String seedChecksum(ProjectFile file) {
        try {
            if (Files.size(file.absolute()) > SEED_CHECKSUM_LIMIT) {
                return "path:" + file.originalFilePath();
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file.absolute()), digest)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            return "path:" + file.originalFilePath();
        }
    }

    static String sha256(String text) {
        return dev.sluice.core.io.Digests.sha256(text);
    }
}
