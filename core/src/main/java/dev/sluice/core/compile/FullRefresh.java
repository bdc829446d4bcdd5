package dev.sluice.core.compile;

import dev.sluice.core.manifest.Node;

/** Whether a node rebuilds from scratch: the {@code full_refresh} config, when set, wins over {@code --full-refresh}. */
public final class FullRefresh {
    private FullRefresh() {
    }

    public static boolean of(Node node, boolean flag) {
        return node.config.get("full_refresh") != null ? node.config.getBoolean("full_refresh", false) : flag;
    }
}
