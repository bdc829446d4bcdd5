package dev.sluice.core.materialize;

import dev.sluice.core.compile.CompiledNode;
import dev.sluice.core.compile.Compiler;
import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.errors.SourceLocation;
import dev.sluice.core.execute.NodeStatus;
import dev.sluice.spi.Adapter;
import dev.sluice.spi.RelationType;
import java.util.Map;

/**
 * {@code view} and {@code table}: pre-hooks, then the relation built beside the old one and swapped in atomically by
 * the adapter, then post-hooks. A failure leaves the old relation as it was.
 */
public final class ModelMaterialization {
    private ModelMaterialization() {
    }

    public static Outcome run(CompiledNode compiled, Compiler compiler, Adapter adapter) {
        String materialized = compiled.node().materialized();
        RelationType type = switch (materialized) {
            case "view" -> RelationType.VIEW;
            case "table" -> RelationType.TABLE;
            default -> throw new SluiceException(ErrorCode.CONFIG_INVALID, "No materialization '" + materialized
                    + "' was found for adapter " + adapter.type() + "! (searched types 'default' and '"
                    + adapter.type() + "')", SourceLocation.of(compiled.node().originalFilePath),
                    compiled.node().describe(), null);
        };
        HookRunner.run("pre_hook", compiled.node(), compiler, adapter);
        adapter.replace(compiled.relation(), compiled.compiledCode(), type);
        HookRunner.run("post_hook", compiled.node(), compiler, adapter);
        return new Outcome(NodeStatus.SUCCESS, "OK", "OK", null, Map.of("_message", "OK", "code", "OK"));
    }
}
