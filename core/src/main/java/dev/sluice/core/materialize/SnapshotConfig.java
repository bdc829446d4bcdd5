package dev.sluice.core.materialize;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.errors.SourceLocation;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.NodeConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A snapshot's settings as dbt reads them: strategy ({@code timestamp} with {@code updated_at}, or {@code check} with
 * {@code check_cols} a list or {@code all}), the unique key (one column or a list), hard deletes
 * ({@code ignore}/{@code invalidate}; {@code invalidate_hard_deletes: true} is the older spelling), the value that
 * marks current rows ({@code dbt_valid_to_current}) and the meta column names.
 */
record SnapshotConfig(String strategy, List<String> uniqueKey, String updatedAt, List<String> checkCols,
                      boolean checkAll, boolean invalidateHardDeletes, String validToCurrent, String scdId,
                      String updatedAtColumn, String validFrom, String validTo) {

    static SnapshotConfig of(Node node) {
        NodeConfig config = node.config;
        String strategy = config.getString("strategy", "").toLowerCase(Locale.ROOT);
        List<String> keys = IncrementalMaterialization.uniqueKey(config);
        if (keys.isEmpty()) {
            throw invalid(node, "Snapshot '" + node.name + "' needs a unique_key");
        }
        String updatedAt = config.getString("updated_at", null);
        List<String> checkCols = new ArrayList<>();
        boolean all = false;
        switch (strategy) {
            case "timestamp" -> {
                if (updatedAt == null) {
                    throw invalid(node, "Snapshot '" + node.name + "' uses the timestamp strategy and needs updated_at");
                }
            }
            case "check" -> {
                Object cols = config.get("check_cols");
                if (cols == null) {
                    throw invalid(node, "Snapshot '" + node.name + "' uses the check strategy and needs check_cols");
                }
                if ("all".equalsIgnoreCase(String.valueOf(cols))) {
                    all = true;
                } else {
                    NodeConfig.asList(cols).forEach(c -> checkCols.add(String.valueOf(c)));
                }
            }
            default -> throw invalid(node, "Snapshot '" + node.name + "' has strategy '" + config.getString("strategy", "")
                    + "'; expected 'timestamp' or 'check'");
        }
        String hardDeletes = config.getString("hard_deletes",
                config.getBoolean("invalidate_hard_deletes", false) ? "invalidate" : "ignore").toLowerCase(Locale.ROOT);
        Map<?, ?> names = config.get("snapshot_meta_column_names") instanceof Map<?, ?> m ? m : Map.of();
        Object current = config.get("dbt_valid_to_current");
        return new SnapshotConfig(strategy, keys, updatedAt, checkCols, all, hardDeletes.equals("invalidate"),
                current == null ? null : String.valueOf(current), name(names, "dbt_scd_id"),
                name(names, "dbt_updated_at"), name(names, "dbt_valid_from"), name(names, "dbt_valid_to"));
    }

    private static String name(Map<?, ?> names, String column) {
        Object renamed = names.get(column);
        return renamed == null ? column : String.valueOf(renamed);
    }

    private static SluiceException invalid(Node node, String message) {
        return new SluiceException(ErrorCode.CONFIG_INVALID, message, SourceLocation.of(node.originalFilePath, node.line),
                node.describe(), null);
    }
}
