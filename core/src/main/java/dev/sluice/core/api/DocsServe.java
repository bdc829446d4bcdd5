package dev.sluice.core.api;

import dev.sluice.core.docs.DocsServer;
import dev.sluice.core.docs.graph.LineageGraphs;
import dev.sluice.core.docs.graph.LineageQueries;
import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.graph.Dag;
import dev.sluice.core.graph.NodeSelector;
import dev.sluice.core.graph.SelectionRequest;
import dev.sluice.core.graph.SelectionResult;
import dev.sluice.core.manifest.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/**
 * {@code docs serve}: parses the project (no warehouse) so lineage filters are evaluated by the same
 * {@link NodeSelector} as the CLI's {@code --select}, then serves the target folder.
 */
final class DocsServe {
    private DocsServe() {
    }

    static DocsServer start(Session session, String host, int port) {
        if (!Files.isRegularFile(session.targetDir.resolve("index.html"))) {
            throw new SluiceException(ErrorCode.CONFIG_INVALID, "No docs site in " + session.targetDir
                    + ": run `sluice docs generate` first");
        }
        Manifest manifest = session.parsed.manifest();
        Dag dag = Dag.of(manifest);
        NodeSelector selector = new NodeSelector(session.selectionMethods());
        LineageQueries queries = new LineageQueries(LineageGraphs.of(manifest), (select, exclude) -> {
            SelectionRequest request = new SelectionRequest(select.isEmpty() ? List.of() : List.of(select),
                    exclude.isEmpty() ? List.of() : List.of(exclude), null, null, null, null);
            SelectionResult result = selector.evaluate(manifest, dag, request);
            return new LineageQueries.Selected(result.selected(), result.warnings());
        });
        try {
            DocsServer server = DocsServer.start(session.targetDir, queries, host, port);
            session.events().accept(dev.sluice.core.events.Event.Message.info("Serving docs at " + server.url()));
            return server;
        } catch (IOException e) {
            throw new SluiceException(ErrorCode.CONFIG_INVALID, "Cannot serve docs on " + host + ":" + port + ": "
                    + e.getMessage());
        }
    }
}
