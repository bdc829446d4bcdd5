package dev.sluice.core.artifacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.NodeConfig;
import dev.sluice.core.manifest.ResourceType;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A node's {@code config} object as dbt writes it: every field of dbt's config class for that resource type, in dbt's
 * order, with dbt's default where the project set nothing; then any other keys the project set (dbt keeps unknown
 * config keys and writes them after the known ones).
 */
final class ConfigJson {
    private static final String[] SNAPSHOT_META_COLUMNS =
            {"dbt_valid_to", "dbt_valid_from", "dbt_scd_id", "dbt_updated_at", "dbt_is_deleted"};

    private ConfigJson() {
    }

    static ObjectNode forNode(Node node) {
        Fields f = new Fields(node.config);
        f.set("enabled", "enabled", Json.value(node.config.enabled()));
        f.put("alias", null);
        f.put("schema", node.resourceType == ResourceType.TEST ? "dbt_test__audit" : null);
        f.put("database", null);
        f.set("tags", "tags", Json.strings(node.config.tags()));
        f.set("meta", "meta", Json.value(meta(node)));
        f.put("group", null);
        if (node.resourceType == ResourceType.TEST) {
            testFields(f);
        } else {
            nodeFields(f, node.resourceType);
        }
        return f.finish();
    }

    private static void nodeFields(Fields f, ResourceType type) {
        f.put("materialized", switch (type) {
            case SEED -> "seed";
            case SNAPSHOT -> "snapshot";
            default -> "view";
        });
        f.put("incremental_strategy", null);
        f.put("batch_size", null);
        f.put("lookback", 1);
        f.put("begin", null);
        f.set("persist_docs", "persist_docs", Json.objectValue(f.config.get("persist_docs")));
        f.set("post-hook", "post_hook", hooks(f.config.get("post_hook")));
        f.set("pre-hook", "pre_hook", hooks(f.config.get("pre_hook")));
        f.set("quoting", "quoting", Json.objectValue(f.config.get("quoting")));
        f.set("column_types", "column_types", Json.objectValue(f.config.get("column_types")));
        f.put("full_refresh", null);
        f.put("unique_key", null);
        f.put("on_schema_change", "ignore");
        f.put("on_configuration_change", "apply");
        f.set("grants", "grants", Json.objectValue(f.config.get("grants")));
        f.set("packages", "packages", Json.strings(NodeConfig.asList(f.config.get("packages"))));
        f.set("docs", "docs", docs(f.config));
        f.set("contract", "contract", contract(f.config, false));
        f.put("event_time", null);
        f.put("concurrent_batches", null);
        switch (type) {
            case MODEL -> f.put("access", "protected");
            case SEED -> {
                f.put("delimiter", ",");
                f.put("quote_columns", null);
            }
            case SNAPSHOT -> snapshotFields(f);
            default -> {
            }
        }
    }

    private static void snapshotFields(Fields f) {
        f.put("strategy", null);
        f.put("target_schema", null);
        f.put("target_database", null);
        f.put("updated_at", null);
        f.put("check_cols", null);
        ObjectNode names = Json.object();
        Object configured = f.config.get("snapshot_meta_column_names");
        for (String column : SNAPSHOT_META_COLUMNS) {
            Object value = configured instanceof Map<?, ?> m ? m.get(column) : null;
            names.put(column, value == null ? null : String.valueOf(value));
        }
        f.set("snapshot_meta_column_names", "snapshot_meta_column_names", names);
        f.put("dbt_valid_to_current", null);
    }

    private static void testFields(Fields f) {
        f.put("materialized", "test");
        f.set("severity", "severity", Json.value(f.config.getString("severity", "ERROR").trim()
                .toUpperCase(Locale.ROOT)));
        Object storeFailures = f.config.get("store_failures");
        Object storeAs = f.config.get("store_failures_as");
        // dbt derives each of the pair from the other when only one is set.
        if (storeAs == null && storeFailures != null) {
            storeAs = f.config.getBoolean("store_failures", false) ? "table" : "ephemeral";
        } else if (storeAs != null) {
            storeFailures = !"ephemeral".equals(String.valueOf(storeAs));
        }
        f.set("store_failures", "store_failures", Json.value(storeFailures));
        f.set("store_failures_as", "store_failures_as", Json.value(storeAs));
        f.put("where", null);
        f.put("limit", null);
        f.put("fail_calc", "count(*)");
        f.put("warn_if", "!= 0");
        f.put("error_if", "!= 0");
    }

    /** {@code docs}: {show, node_color}, used both in config and at the node's top level. */
    static ObjectNode docs(NodeConfig config) {
        Object docs = config.get("docs");
        Map<?, ?> map = docs instanceof Map<?, ?> m ? m : Map.of();
        ObjectNode out = Json.object();
        out.put("show", map.get("show") == null || truthy(map.get("show")));
        Object color = map.get("node_color");
        out.put("node_color", color == null ? null : String.valueOf(color));
        return out;
    }

    /** {@code contract}: {enforced, alias_types} in config; the node-level copy adds {@code checksum}. */
    static ObjectNode contract(NodeConfig config, boolean withChecksum) {
        Object contract = config.get("contract");
        Map<?, ?> map = contract instanceof Map<?, ?> m ? m : Map.of();
        ObjectNode out = Json.object();
        out.put("enforced", map.get("enforced") != null && truthy(map.get("enforced")));
        out.put("alias_types", map.get("alias_types") == null || truthy(map.get("alias_types")));
        if (withChecksum) {
            out.putNull("checksum");
        }
        return out;
    }

    /** The config keys as the project wrote them (dbt's {@code unrendered_config}), hooks under dbt's names. */
    static ObjectNode unrendered(NodeConfig config) {
        ObjectNode out = Json.object();
        config.asMap().forEach((k, v) -> out.set(jsonKey(k), Json.value(v)));
        return out;
    }

    /** Node meta: config meta, overridden by meta set on the node itself (dbt keeps the two in step). */
    static Map<String, Object> meta(Node node) {
        Map<String, Object> merged = new LinkedHashMap<>();
        if (node.config.get("meta") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> merged.put(String.valueOf(k), v));
        }
        merged.putAll(node.meta);
        return merged;
    }

    static String group(NodeConfig config) {
        Object group = config.get("group");
        return group == null ? null : String.valueOf(group);
    }

    /** Hooks as dbt stores them: a list of {sql, transaction, index}, whatever form the project used. */
    static ArrayNode hooks(Object raw) {
        ArrayNode out = Json.array();
        for (Object hook : NodeConfig.asList(raw)) {
            ObjectNode item = Json.object();
            if (hook instanceof Map<?, ?> m) {
                item.put("sql", m.get("sql") == null ? "" : String.valueOf(m.get("sql")));
                item.put("transaction", m.get("transaction") == null || truthy(m.get("transaction")));
                item.set("index", Json.value(m.get("index")));
            } else {
                item.put("sql", String.valueOf(hook));
                item.put("transaction", true);
                item.putNull("index");
            }
            out.add(item);
        }
        return out;
    }

    private static String jsonKey(String configKey) {
        return switch (configKey) {
            case "pre_hook" -> "pre-hook";
            case "post_hook" -> "post-hook";
            default -> configKey;
        };
    }

    private static boolean truthy(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        String text = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
        return text.equals("true") || text.equals("yes") || text.equals("1");
    }

    /** Collects the known fields in order, remembering which config keys they consumed. */
    private static final class Fields {
        final NodeConfig config;
        final ObjectNode out = Json.object();
        final Set<String> used = new HashSet<>();

        Fields(NodeConfig config) {
            this.config = config;
        }

        /** The configured value, or dbt's default when the project set none. */
        void put(String key, Object fallback) {
            Object value = config.get(key);
            set(key, key, Json.value(value != null ? value : fallback));
        }

        void set(String jsonKey, String configKey, JsonNode value) {
            used.add(configKey);
            out.set(jsonKey, value);
        }

        ObjectNode finish() {
            config.asMap().forEach((k, v) -> {
                if (!used.contains(k) && !out.has(jsonKey(k))) {
                    out.set(jsonKey(k), Json.value(v));
                }
            });
            return out;
        }
    }
}
