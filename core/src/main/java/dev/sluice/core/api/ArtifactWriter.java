package dev.sluice.core.api;

import dev.sluice.core.artifacts.ArtifactMetadata;
import dev.sluice.core.artifacts.ManifestExtras;
import dev.sluice.core.artifacts.ManifestJsonWriter;
import dev.sluice.core.artifacts.ManifestReuse;
import dev.sluice.core.manifest.cache.CacheLineage;
import dev.sluice.core.events.Event;
import dev.sluice.core.artifacts.RunResultsJsonWriter;
import dev.sluice.core.compile.CompiledNode;
import dev.sluice.core.compile.Relations;
import dev.sluice.core.execute.RunResults;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.ResourceType;
import dev.sluice.spi.SqlDialect;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Writes what an invocation leaves in target/: manifest.json, run_results.json, compiled/ and run/ SQL. */
final class ArtifactWriter {
    private final Session session;
    private final Map<String, ManifestExtras.CompiledNode> compiled = new ConcurrentHashMap<>();
    private final SqlFiles sqlFiles = new SqlFiles();

    ArtifactWriter(Session session) {
        this.session = session;
    }

    /** target/compiled/&lt;package&gt;/&lt;file&gt; (generic and unit tests: under their YAML file), as dbt lays it out. */
    static String compiledPath(Node node) {
        if (node.resourceType == ResourceType.UNIT_TEST && node.unitTest != null) {
            return node.packageName + "/" + node.originalFilePath + "/" + node.unitTest.model() + "/" + node.name + ".sql";
        }
        if (node.resourceType == ResourceType.TEST && node.testMetadata != null) {
            return node.packageName + "/" + node.originalFilePath + "/" + node.path;
        }
        return node.packageName + "/" + node.originalFilePath;
    }

    void compiled(CompiledNode node) {
        if (node.compiledCode() == null) {
            return;
        }
        String relative = compiledPath(node.node());
        write(session.targetDir.resolve("compiled").resolve(relative), node.compiledCode());
        compiled.put(node.node().uniqueId, new ManifestExtras.CompiledNode(node.compiledCode(),
                session.targetDir.getFileName() + "/compiled/" + relative,
                node.extraCtes().stream().map(c -> new ManifestExtras.InjectedCte(c.id(), c.definition())).toList()));
    }

    void ran(Node node, String sql) {
        write(session.targetDir.resolve("run").resolve(compiledPath(node)), sql);
    }

    void manifest() {
        CacheLineage lineage = session.parsed.lineage();
        ManifestReuse reuse = new ManifestReuse(lineage.generation(), lineage.derivedFrom(), lineage.changedNodes(),
                lineage.changedEdges());
        Path file = session.targetDir.resolve("manifest.json");
        ManifestJsonWriter writer = new ManifestJsonWriter();
        ArtifactMetadata meta = ArtifactMetadata.forManifest(session.project.name(), session.target.type(),
                session.invocationId, Instant.now(), ArtifactMetadata.customEnv(session.env().values()));
        if (compiled.isEmpty() && writer.rewriteMetadataOnly(meta, session.target.type(), file, reuse)) {
            session.events().accept(Event.Message.debug(
                    "manifest.json: the same parse as the file holds; only its metadata was rewritten"));
            return;
        }
        SqlDialect dialect = session.factory.dialect();
        Map<String, String> relationNames = new LinkedHashMap<>();
        for (Node node : session.parsed.manifest().nodes.values()) {
            if (Relations.builds(node)) {
                relationNames.put(node.uniqueId, dialect.render(Relations.of(node)));
            }
        }
        session.parsed.manifest().sources.values().forEach(s -> relationNames.put(s.uniqueId,
                dialect.render(Relations.of(s))));
        ManifestExtras extras = ManifestExtras.parsedOnly(session.target.type())
                .withCompiled(new LinkedHashMap<>(compiled))
                .withRelationNames(relationNames)
                .withParsedAt(session.startedAt)
                .withProjectRoot(session.project.root().toString());
        writer.write(session.parsed.manifest(), extras, meta, file, reuse);
    }

    void runResults(RunResults results) {
        runResults(results, Map.of());
    }

    /** run_results.json with the invocation's flags in {@code args}, then {@code extraArgs} on top. */
    void runResults(RunResults results, Map<String, Object> extraArgs) {
        Map<String, Object> args = new LinkedHashMap<>(RunArgs.of(session.options, session.target.targetName()));
        args.putAll(extraArgs);
        new RunResultsJsonWriter().write(results, ArtifactMetadata.forRunResults(session.invocationId, Instant.now()),
                args, session.targetDir.resolve("run_results.json"));
    }

    private void write(Path file, String text) {
        sqlFiles.write(file, text);
    }
}
