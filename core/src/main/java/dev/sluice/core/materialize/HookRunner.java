package dev.sluice.core.materialize;

import dev.sluice.core.compile.Compiler;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.NodeConfig;
import dev.sluice.spi.Adapter;
import java.util.List;
import java.util.Map;

/** Renders and runs a node's pre-hooks or post-hooks, in order, with the node's context. */
public final class HookRunner {
    private HookRunner() {
    }

    public static void run(String key, Node node, Compiler compiler, Adapter adapter) {
        List<Object> hooks = NodeConfig.asList(node.config.get(key));
        for (Object hook : hooks) {
            String text = hook instanceof Map<?, ?> map && map.containsKey("sql") ? String.valueOf(map.get("sql"))
                    : String.valueOf(hook);
            String sql = compiler.renderInContext(text, node, node.originalFilePath, Map.of()).strip();
            if (!sql.isEmpty()) {
                adapter.execute(sql);
            }
        }
    }
}
