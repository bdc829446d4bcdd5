package dev.sluice.core.api;

import dev.sluice.core.artifacts.ArtifactMetadata;
import dev.sluice.core.compile.CompiledNode;
import dev.sluice.core.compile.Compiler;
import dev.sluice.core.docs.catalog.Catalog;
import dev.sluice.core.docs.catalog.CatalogJsonWriter;
import dev.sluice.core.docs.catalog.CatalogReader;
import dev.sluice.core.docs.site.ColumnLineageSource;
import dev.sluice.core.docs.site.DocsInput;
import dev.sluice.core.docs.site.DocsSite;
import dev.sluice.core.events.Event;
import dev.sluice.core.graph.Dag;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.ResourceType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code docs generate}: compiles the selection as {@code compile} does (unless {@code --no-compile}), writes
 * manifest.json, reads the catalog from the warehouse (one listing per schema; skipped with {@code --empty-catalog})
 * into catalog.json, analyses column-level lineage of the compiled SQL, then writes the static site (index.html and
 * docs/) from all of it.
 */
final class DocsGenerate {
    private final Session session;
    private final dev.sluice.core.project.EnvVars env;

    DocsGenerate(Session session, dev.sluice.core.project.EnvVars env) {
        this.session = session;
        this.env = env;
    }

    DocsResult execute(DocsOptions docs) {
        Dag dag = Dag.of(session.parsed.manifest());
        ArtifactWriter artifacts = new ArtifactWriter(session);
        Map<String, String> compiledCode = new LinkedHashMap<>();
        if (docs.compile()) {
            List<Node> nodes = Selection.nodes(session, dag, EnumSet.of(ResourceType.MODEL, ResourceType.TEST,
                    ResourceType.ANALYSIS, ResourceType.SNAPSHOT));
            Compiler compiler = session.compiler(new HashSet<>(nodes.stream().map(n -> n.uniqueId).toList()));
            for (Node node : nodes) {
                CompiledNode compiled = compiler.compile(node);
                artifacts.compiled(compiled);
                if (compiled.compiledCode() != null) {
                    compiledCode.put(node.uniqueId, compiled.compiledCode());
                }
            }
        }
        artifacts.manifest();
        Catalog catalog = docs.emptyCatalog() ? Catalog.empty()
                : new CatalogReader(session.adapter()).read(session.parsed.manifest());
        Instant now = Instant.now();
        Path catalogFile = session.targetDir.resolve("catalog.json");
        new CatalogJsonWriter().write(catalog, ArtifactMetadata.DBT_VERSION, session.invocationId.toString(), now,
                customEnv(), catalogFile);
        catalog.errors().forEach(e -> session.events().accept(Event.Message.warn(e)));
        session.events().accept(Event.Message.info("Catalog written to " + catalogFile));
        ColumnLineageSource columnLineage = DocsColumnLineage.of(session.parsed.manifest(), compiledCode, catalog,
                session.events());
        DocsSite.Written site = new DocsSite().write(new DocsInput(session.parsed.manifest(), catalog, compiledCode,
                now, columnLineage), session.targetDir);
        Path index = session.targetDir.resolve("index.html");
        session.events().accept(Event.Message.info("Docs site written to " + index + " (" + site.pages()
                + " pages; lineage of " + site.graphNodes() + " nodes laid out in " + site.layoutMillis() + " ms)"));
        return new DocsResult(catalogFile, index, catalog.nodes().size(), catalog.sources().size(), site.pages(),
                site.graphNodes(), site.layoutMillis(), catalog.errors());
    }

    /** DBT_ENV_CUSTOM_ENV_* variables without their prefix, as dbt records them in artifact metadata. */
    private Map<String, String> customEnv() {
        return dev.sluice.core.artifacts.ArtifactMetadata.customEnv(env.values());
    }
}
