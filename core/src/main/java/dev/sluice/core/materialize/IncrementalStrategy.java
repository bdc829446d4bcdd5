package dev.sluice.core.materialize;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.errors.SourceLocation;
import dev.sluice.core.manifest.Node;
import java.util.Locale;

/** The incremental strategies Sluice knows, named as dbt names them. */
public enum IncrementalStrategy {
    APPEND("append"), MERGE("merge"), DELETE_INSERT("delete+insert");

    private final String dbtName;

    IncrementalStrategy(String dbtName) {
        this.dbtName = dbtName;
    }

    public String dbtName() {
        return dbtName;
    }

    /** The node's {@code incremental_strategy}; without one, delete+insert with a unique key, else append. */
    public static IncrementalStrategy of(Node node, boolean hasUniqueKey) {
        Object configured = node.config.get("incremental_strategy");
        if (configured == null) {
            return hasUniqueKey ? DELETE_INSERT : APPEND;
        }
        String name = String.valueOf(configured).trim().toLowerCase(Locale.ROOT);
        for (IncrementalStrategy strategy : values()) {
            if (strategy.dbtName.equals(name)) {
                return strategy;
            }
        }
        throw new SluiceException(ErrorCode.COMPILATION, "Invalid incremental strategy provided: " + configured
                + "\n    Expected one of: 'append', 'merge', 'delete+insert'",
                SourceLocation.of(node.originalFilePath), node.describe(), null);
    }
}
