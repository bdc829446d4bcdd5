package dev.sluice.core.python;

import dev.sluice.core.compile.CompiledNode;
import dev.sluice.core.compile.Compiler;
import dev.sluice.core.compile.FullRefresh;
import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.errors.SourceLocation;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.materialize.IncrementalMaterialization;
import dev.sluice.core.materialize.ModelMaterialization;
import dev.sluice.core.materialize.Outcome;
import dev.sluice.spi.Adapter;
import dev.sluice.spi.LocalExchange;
import dev.sluice.spi.PythonModelRunner;
import dev.sluice.spi.Relation;
import dev.sluice.spi.RelationType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Executes Python models for one invocation: runs the model (the adapter's own {@link PythonModelRunner}, or a local
 * CPython through {@link LocalPythonRunner}), then hands the query over its result to the table or incremental
 * materialization, so the relation is built beside the old one and swapped in only when everything worked.
 */
public final class PythonModels {
    private final Path projectRoot;
    private final PythonInterpreters interpreters;
    private PythonModelRunner runner;

    public PythonModels(Path projectRoot, Function<String, String> env, Consumer<String> announce) {
        this.projectRoot = projectRoot;
        this.interpreters = new PythonInterpreters(env, announce);
    }

    public Outcome run(CompiledNode compiled, Compiler compiler, Adapter adapter, boolean fullRefreshFlag) {
        Node node = compiled.node();
        String materialized = node.materialized();
        if (!materialized.equals("table") && !materialized.equals("incremental")) {
            throw new SluiceException(ErrorCode.CONFIG_INVALID, "Materialization \"" + materialized
                    + "\" is not available for Python models; " + node.describe()
                    + " can be materialized as \"table\" or \"incremental\"",
                    SourceLocation.of(node.originalFilePath), node.describe(), null);
        }
        Relation target = compiled.relation();
        boolean incremental = materialized.equals("incremental") && !FullRefresh.of(node, fullRefreshFlag)
                && adapter.getRelation(target.database(), target.schema(), target.identifier())
                        .map(r -> r.type() == RelationType.TABLE).orElse(false);
        Path file = projectRoot.resolve(node.originalFilePath).toAbsolutePath().normalize();
        if (!Files.exists(file)) {
            file = Path.of(node.originalFilePath);
        }
        PythonModelRunner.PythonModelRun run = new PythonModelRunner.PythonModelRun(node.uniqueId, file, node.rawCode,
                compiler.pythonInputs(node), node.config.asMap(), target, incremental);
        try (PythonModelRunner.Result result = runner(adapter, node).run(run)) {
            CompiledNode staged = new CompiledNode(node, result.selectSql(), target, List.of());
            return materialized.equals("incremental")
                    ? IncrementalMaterialization.run(staged, compiler, adapter, fullRefreshFlag)
                    : ModelMaterialization.run(staged, compiler, adapter);
        }
    }

    private synchronized PythonModelRunner runner(Adapter adapter, Node node) {
        if (runner == null) {
            PythonModelRunner own = adapter.pythonModelRunner().orElse(null);
            if (own != null) {
                runner = own;
            } else {
                LocalExchange exchange = adapter.localExchange().orElseThrow(() -> new SluiceException(
                        ErrorCode.CONFIG_INVALID, "The " + adapter.type() + " adapter cannot run Python models ("
                        + node.describe() + ")", SourceLocation.of(node.originalFilePath), node.describe(), null));
                runner = new LocalPythonRunner(exchange, adapter.dialect(), interpreters, null);
            }
        }
        return runner;
    }
}
