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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
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
        if (compiled.isEmpty() && patchChangedModels(writer, meta, file, reuse)) {
            return;
        }
        Map<String, String> relationNames = relationNames(session.parsed.manifest().nodes.values());
        SqlDialect dialect = session.factory.dialect();
        session.parsed.manifest().sources.values().forEach(s -> relationNames.put(s.uniqueId,
                dialect.render(Relations.of(s))));
        writer.write(session.parsed.manifest(), extras(relationNames), meta, file, reuse);
    }

    /**
     * Writes the re-parsed models over their old entries in manifest.json, in place, when the file allows it (see
     * {@link ManifestJsonWriter#patchNodes}); false when the whole file must be written.
     */
    private boolean patchChangedModels(ManifestJsonWriter writer, ArtifactMetadata meta, Path file,
                                       ManifestReuse reuse) {
        if (reuse.generation() == 0 || reuse.derivedFrom() == 0 || reuse.derivedFrom() == reuse.generation()
                || !reuse.changedEdges().isEmpty()) {
            return false; // not a re-parse that can be patched in: don't look up its nodes
        }
        List<Node> changed = changedNodes(reuse.changedNodes());
        if (changed == null) {
            return false;
        }
        long clock = System.nanoTime(); // the patch alone, without the look-up of the nodes
        if (!writer.patchNodes(changed, extras(relationNames(changed)), meta, file, reuse)) {
            return false;
        }
        session.events().accept(Event.Message.debug("manifest.json: patched " + changed.size()
                + " re-parsed model(s) in place in " + (System.nanoTime() - clock) / 100_000 / 10.0 + " ms"));
        return true;
    }

    /**
     * The re-parsed nodes, or null if the parse does not hold them all: taken from the parse itself, which knows them
     * without decoding the whole manifest.
     */
    private List<Node> changedNodes(Set<String> ids) {
        Map<String, Node> nodes = session.parsed.reparsed();
        List<Node> changed = new ArrayList<>(ids.size());
        for (String id : ids) {
            Node node = nodes.get(id);
            if (node == null) {
                return null;
            }
            changed.add(node);
        }
        return changed;
    }

    /** The relation names of those of {@code nodes} that build one, as manifest.json writes them. */
    private Map<String, String> relationNames(Collection<Node> nodes) {
        SqlDialect dialect = session.factory.dialect();
        Map<String, String> relationNames = new LinkedHashMap<>();
        for (Node node : nodes) {
            if (Relations.builds(node)) {
                relationNames.put(node.uniqueId, dialect.render(Relations.of(node)));
            }
        }
        return relationNames;
    }

    private ManifestExtras extras(Map<String, String> relationNames) {
        return ManifestExtras.parsedOnly(session.target.type())
                .withCompiled(new LinkedHashMap<>(compiled))
                .withRelationNames(relationNames)
                .withParsedAt(session.startedAt)
                .withProjectRoot(session.project.root().toString());
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
