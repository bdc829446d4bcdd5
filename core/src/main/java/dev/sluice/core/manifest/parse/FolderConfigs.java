package dev.sluice.core.manifest.parse;

import dev.sluice.core.manifest.NodeConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a dbt_project.yml resource tree ({@code models:}, {@code seeds:}, ...) to one node: the configs at the top,
 * then under the package name, then under each folder on the node's path, then under its own name. Keys with a
 * {@code +} are always configs; bare keys are configs when dbt knows them as such, otherwise folder names.
 */
public final class FolderConfigs {
    private static final Set<String> CONFIG_KEYS = Set.of(
            "materialized", "enabled", "tags", "schema", "alias", "database", "pre-hook", "post-hook", "pre_hook",
            "post_hook", "persist_docs", "full_refresh", "unique_key", "incremental_strategy", "on_schema_change",
            "meta", "docs", "quote_columns", "column_types", "delimiter", "severity", "store_failures", "store_failures_as",
            "where", "limit", "fail_calc", "warn_if", "error_if", "grants", "contract", "access", "group", "sql_header",
            "quoting", "strategy", "target_schema", "target_database", "check_cols", "updated_at",
            "invalidate_hard_deletes", "hard_deletes", "snapshot_meta_column_names", "dbt_valid_to_current",
            "on_configuration_change", "packages", "event_time", "batch_size", "lookback", "begin",
            "concurrent_batches", "incremental_predicates", "merge_update_columns", "merge_exclude_columns",
            "python_version", "submission_method", "loaded_at_field", "freshness", "label", "node_color");

    private FolderConfigs() {
    }

    /** Layers the tree's configs onto {@code config} for a node whose fqn is [package, folders..., name]. */
    public static void apply(Map<String, Object> tree, List<String> fqn, NodeConfig config) {
        applyLevel(tree, config);
        Map<String, Object> level = tree;
        for (String part : fqn) {
            Object child = level.get(part);
            if (!(child instanceof Map<?, ?>)) {
                return;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> next = (Map<String, Object>) child;
            level = next;
            applyLevel(level, config);
        }
    }

    private static void applyLevel(Map<String, Object> level, NodeConfig config) {
        for (Map.Entry<String, Object> entry : level.entrySet()) {
            String key = entry.getKey();
            if (key.startsWith("+")) {
                config.set(key.substring(1), entry.getValue());
            } else if (CONFIG_KEYS.contains(key) && !(entry.getValue() instanceof Map<?, ?> && isFolderLike(key))) {
                config.set(key, entry.getValue());
            }
        }
    }

    /** Dict-valued configs (meta, docs, ...) are configs; only these names double as folders in practice. */
    private static boolean isFolderLike(String key) {
        return key.equals("schema") || key.equals("group");
    }
}
