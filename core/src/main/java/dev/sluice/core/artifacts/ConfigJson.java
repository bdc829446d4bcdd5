package dev.sluice.core.artifacts;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.NodeConfig;
import dev.sluice.core.manifest.ResourceType;

import java.io.IOException;
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

    static void forNode(JsonGenerator out, Node node) throws IOException {
        out.writeStartObject();
        Fields f = new Fields(node.config, out);
        f.set("enabled", "enabled", g -> g.writeBoolean(node.config.enabled()));
        f.put("alias", null);
        f.put("schema", node.resourceType == ResourceType.TEST ? "dbt_test__audit" : null);
        f.put("database", null);
        f.set("tags", "tags", g -> JsonOut.strings(g, node.config.tags()));
        f.set("meta", "meta", g -> JsonOut.value(g, meta(node)));
        f.put("group", null);
        if (node.resourceType == ResourceType.TEST) {
            testFields(f);
        } else {
            nodeFields(f, node.resourceType);
        }
        f.finish();
        out.writeEndObject();
    }

    private static void nodeFields(Fields f, ResourceType type) throws IOException {
        f.put("materialized", switch (type) {
            case SEED -> "seed";
            case SNAPSHOT -> "snapshot";
            default -> "view";
        });
        f.put("incremental_strategy", null);
        f.put("batch_size", null);
        f.put("lookback", 1);
        f.put("begin", null);
        f.object("persist_docs", "persist_docs");
        f.set("post-hook", "post_hook", g -> hooks(g, f.config.get("post_hook")));
        f.set("pre-hook", "pre_hook", g -> hooks(g, f.config.get("pre_hook")));
        f.object("quoting", "quoting");
        f.object("column_types", "column_types");
        f.put("full_refresh", null);
        f.put("unique_key", null);
        f.put("on_schema_change", "ignore");
        f.put("on_configuration_change", "apply");
        f.object("grants", "grants");
        f.set("packages", "packages", g -> JsonOut.strings(g, NodeConfig.asList(f.config.get("packages"))));
        f.set("docs", "docs", g -> docs(g, f.config));
        f.set("contract", "contract", g -> contract(g, f.config, false));
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

    private static void snapshotFields(Fields f) throws IOException {
        f.put("strategy", null);
        f.put("target_schema", null);
        f.put("target_database", null);
        f.put("updated_at", null);
        f.put("check_cols", null);
        Object configured = f.config.get("snapshot_meta_column_names");
        f.set("snapshot_meta_column_names", "snapshot_meta_column_names", g -> {
            g.writeStartObject();
            for (String column : SNAPSHOT_META_COLUMNS) {
                Object value = configured instanceof Map<?, ?> m ? m.get(column) : null;
                JsonOut.string(g, column, value == null ? null : String.valueOf(value));
            }
            g.writeEndObject();
        });
        f.put("dbt_valid_to_current", null);
    }

    private static void testFields(Fields f) throws IOException {
        f.put("materialized", "test");
        f.set("severity", "severity", g -> g.writeString(f.config.getString("severity", "ERROR").trim()
                .toUpperCase(Locale.ROOT)));
        Object storeFailures = f.config.get("store_failures");
        Object storeAs = f.config.get("store_failures_as");
        // dbt derives each of the pair from the other when only one is set.
        if (storeAs == null && storeFailures != null) {
            storeAs = f.config.getBoolean("store_failures", false) ? "table" : "ephemeral";
        } else if (storeAs != null) {
            storeFailures = !"ephemeral".equals(String.valueOf(storeAs));
        }
        Object failures = storeFailures;
        Object as = storeAs;
        f.set("store_failures", "store_failures", g -> JsonOut.value(g, failures));
        f.set("store_failures_as", "store_failures_as", g -> JsonOut.value(g, as));
        f.put("where", null);
        f.put("limit", null);
        f.put("fail_calc", "count(*)");
        f.put("warn_if", "!= 0");
        f.put("error_if", "!= 0");
    }

    /** {@code docs}: {show, node_color}, used both in config and at the node's top level. */
    static void docs(JsonGenerator out, NodeConfig config) throws IOException {
        Object docs = config.get("docs");
        Map<?, ?> map = docs instanceof Map<?, ?> m ? m : Map.of();
        out.writeStartObject();
        out.writeBooleanField("show", map.get("show") == null || truthy(map.get("show")));
        Object color = map.get("node_color");
        JsonOut.string(out, "node_color", color == null ? null : String.valueOf(color));
        out.writeEndObject();
    }

    /** {@code contract}: {enforced, alias_types} in config; the node-level copy adds {@code checksum}. */
    static void contract(JsonGenerator out, NodeConfig config, boolean withChecksum) throws IOException {
        Object contract = config.get("contract");
        Map<?, ?> map = contract instanceof Map<?, ?> m ? m : Map.of();
        out.writeStartObject();
        out.writeBooleanField("enforced", map.get("enforced") != null && truthy(map.get("enforced")));
        out.writeBooleanField("alias_types", map.get("alias_types") == null || truthy(map.get("alias_types")));
        if (withChecksum) {
            out.writeNullField("checksum");
        }
        out.writeEndObject();
    }

    /** The config keys as the project wrote them (dbt's {@code unrendered_config}), hooks under dbt's names. */
    static void unrendered(JsonGenerator out, NodeConfig config) throws IOException {
        // NodeConfig keeps hooks under one name (pre_hook), so no two keys meet as one JSON key
        out.writeStartObject();
        for (Map.Entry<String, Object> entry : config.asMap().entrySet()) {
            out.writeFieldName(jsonKey(entry.getKey()));
            JsonOut.value(out, entry.getValue());
        }
        out.writeEndObject();
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
    static void hooks(JsonGenerator out, Object raw) throws IOException {
        out.writeStartArray();
        for (Object hook : NodeConfig.asList(raw)) {
            out.writeStartObject();
            if (hook instanceof Map<?, ?> m) {
                JsonOut.string(out, "sql", m.get("sql") == null ? "" : String.valueOf(m.get("sql")));
                out.writeBooleanField("transaction", m.get("transaction") == null || truthy(m.get("transaction")));
                JsonOut.field(out, "index", m.get("index"));
            } else {
                JsonOut.string(out, "sql", String.valueOf(hook));
                out.writeBooleanField("transaction", true);
                out.writeNullField("index");
            }
            out.writeEndObject();
        }
        out.writeEndArray();
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

    /** Writes the known fields in order, remembering which config keys and JSON keys they used. */
    private static final class Fields {
        final NodeConfig config;
        final JsonGenerator out;
        final Set<String> used = new HashSet<>();
        final Set<String> written = new HashSet<>();

        Fields(NodeConfig config, JsonGenerator out) {
            this.config = config;
            this.out = out;
        }

        /** The configured value, or dbt's default when the project set none. */
        void put(String key, Object fallback) throws IOException {
            Object value = config.get(key);
            set(key, key, g -> JsonOut.value(g, value != null ? value : fallback));
        }

        /** The configured object, or {} when the project set none (or something else). */
        void object(String jsonKey, String configKey) throws IOException {
            set(jsonKey, configKey, g -> JsonOut.objectValue(g, config.get(configKey)));
        }

        void set(String jsonKey, String configKey, Value value) throws IOException {
            used.add(configKey);
            written.add(jsonKey);
            out.writeFieldName(jsonKey);
            value.writeTo(out);
        }

        /** Any other keys the project set, after the known ones. */
        void finish() throws IOException {
            for (Map.Entry<String, Object> entry : config.asMap().entrySet()) {
                String k = entry.getKey();
                if (!used.contains(k) && written.add(jsonKey(k))) {
                    out.writeFieldName(jsonKey(k));
                    JsonOut.value(out, entry.getValue());
                }
            }
        }
    }

    /** Writes one value. */
    interface Value {
        void writeTo(JsonGenerator out) throws IOException;
    }
}
