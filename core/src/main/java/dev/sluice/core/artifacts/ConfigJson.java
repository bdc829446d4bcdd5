package dev.sluice.core.artifacts;

import static dev.sluice.core.artifacts.FieldNames.*;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.NodeConfig;
import dev.sluice.core.manifest.ResourceType;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

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
        f.set(ENABLED, "enabled", g -> g.writeBoolean(node.config.enabled()));
        f.put(ALIAS, null);
        f.put(SCHEMA, node.resourceType == ResourceType.TEST ? "dbt_test__audit" : null);
        f.put(DATABASE, null);
        f.set(TAGS, "tags", g -> JsonOut.strings(g, node.config.tags()));
        f.set(META, "meta", g -> JsonOut.value(g, meta(node)));
        f.put(GROUP, null);
        if (node.resourceType == ResourceType.TEST) {
            testFields(f);
        } else {
            nodeFields(f, node.resourceType);
        }
        f.finish();
        out.writeEndObject();
    }

    private static void nodeFields(Fields f, ResourceType type) throws IOException {
        f.put(MATERIALIZED, switch (type) {
            case SEED -> "seed";
            case SNAPSHOT -> "snapshot";
            default -> "view";
        });
        f.put(INCREMENTAL_STRATEGY, null);
        f.put(BATCH_SIZE, null);
        f.put(LOOKBACK, 1);
        f.put(BEGIN, null);
        f.object(PERSIST_DOCS);
        f.set(POST_HOOK, "post_hook", g -> hooks(g, f.config.get("post_hook")));
        f.set(PRE_HOOK, "pre_hook", g -> hooks(g, f.config.get("pre_hook")));
        f.object(QUOTING);
        f.object(COLUMN_TYPES);
        f.put(FULL_REFRESH, null);
        f.put(UNIQUE_KEY, null);
        f.put(ON_SCHEMA_CHANGE, "ignore");
        f.put(ON_CONFIGURATION_CHANGE, "apply");
        f.object(GRANTS);
        f.set(PACKAGES, "packages", g -> JsonOut.strings(g, NodeConfig.asList(f.config.get("packages"))));
        f.set(DOCS, "docs", g -> docs(g, f.config));
        f.set(CONTRACT, "contract", g -> contract(g, f.config, false));
        f.put(EVENT_TIME, null);
        f.put(CONCURRENT_BATCHES, null);
        switch (type) {
            case MODEL -> f.put(ACCESS, "protected");
            case SEED -> {
                f.put(DELIMITER, ",");
                f.put(QUOTE_COLUMNS, null);
            }
            case SNAPSHOT -> snapshotFields(f);
            default -> {
            }
        }
    }

    private static void snapshotFields(Fields f) throws IOException {
        f.put(STRATEGY, null);
        f.put(TARGET_SCHEMA, null);
        f.put(TARGET_DATABASE, null);
        f.put(UPDATED_AT, null);
        f.put(CHECK_COLS, null);
        Object configured = f.config.get("snapshot_meta_column_names");
        f.set(SNAPSHOT_META_COLUMN_NAMES, "snapshot_meta_column_names", g -> {
            g.writeStartObject();
            for (String column : SNAPSHOT_META_COLUMNS) {
                Object value = configured instanceof Map<?, ?> m ? m.get(column) : null;
                JsonOut.string(g, column, value == null ? null : String.valueOf(value));
            }
            g.writeEndObject();
        });
        f.put(DBT_VALID_TO_CURRENT, null);
    }

    private static void testFields(Fields f) throws IOException {
        f.put(MATERIALIZED, "test");
        f.set(SEVERITY, "severity", g -> g.writeString(f.config.getString("severity", "ERROR").trim()
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
        f.set(STORE_FAILURES, "store_failures", g -> JsonOut.value(g, failures));
        f.set(STORE_FAILURES_AS, "store_failures_as", g -> JsonOut.value(g, as));
        f.put(WHERE, null);
        f.put(LIMIT, null);
        f.put(FAIL_CALC, "count(*)");
        f.put(WARN_IF, "!= 0");
        f.put(ERROR_IF, "!= 0");
    }

    /** {@code docs}: {show, node_color}, used both in config and at the node's top level. */
    static void docs(JsonGenerator out, NodeConfig config) throws IOException {
        Object docs = config.get("docs");
        Map<?, ?> map = docs instanceof Map<?, ?> m ? m : Map.of();
        out.writeStartObject();
        JsonOut.booleanField(out, SHOW, map.get("show") == null || truthy(map.get("show")));
        Object color = map.get("node_color");
        JsonOut.string(out, NODE_COLOR, color == null ? null : String.valueOf(color));
        out.writeEndObject();
    }

    /** {@code contract}: {enforced, alias_types} in config; the node-level copy adds {@code checksum}. */
    static void contract(JsonGenerator out, NodeConfig config, boolean withChecksum) throws IOException {
        Object contract = config.get("contract");
        Map<?, ?> map = contract instanceof Map<?, ?> m ? m : Map.of();
        out.writeStartObject();
        JsonOut.booleanField(out, ENFORCED, map.get("enforced") != null && truthy(map.get("enforced")));
        JsonOut.booleanField(out, ALIAS_TYPES, map.get("alias_types") == null || truthy(map.get("alias_types")));
        if (withChecksum) {
            JsonOut.nullField(out, CHECKSUM);
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
        Object configured = node.config.get("meta");
        if (node.meta.isEmpty() && !(configured instanceof Map<?, ?> any && !any.isEmpty())) {
            return Map.of(); // most nodes: no map to build (this is asked twice per node)
        }
        Map<String, Object> merged = new LinkedHashMap<>();
        if (configured instanceof Map<?, ?> m) {
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
                JsonOut.string(out, SQL, m.get("sql") == null ? "" : String.valueOf(m.get("sql")));
                JsonOut.booleanField(out, TRANSACTION, m.get("transaction") == null || truthy(m.get("transaction")));
                JsonOut.field(out, INDEX, m.get("index"));
            } else {
                JsonOut.string(out, SQL, String.valueOf(hook));
                JsonOut.booleanField(out, TRANSACTION, true);
                JsonOut.nullField(out, INDEX);
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

    /**
     * Writes the known fields in order, remembering which config keys and JSON keys they used: in arrays, searched only
     * for the few keys a project sets (sets of some forty keys per node were a good part of writing a config).
     */
    private static final class Fields {
        final NodeConfig config;
        final JsonGenerator out;
        private String[] used = new String[48];
        private String[] written = new String[48];
        private int count;

        Fields(NodeConfig config, JsonGenerator out) {
            this.config = config;
            this.out = out;
        }

        /** The configured value, or dbt's default when the project set none. */
        void put(SerializedString key, Object fallback) throws IOException {
            Object value = config.get(key.getValue());
            set(key, key.getValue(), g -> JsonOut.value(g, value != null ? value : fallback));
        }

        /** The configured object, or {} when the project set none (or something else). */
        void object(SerializedString key) throws IOException {
            set(key, key.getValue(), g -> JsonOut.objectValue(g, config.get(key.getValue())));
        }

        void set(SerializedString jsonKey, String configKey, Value value) throws IOException {
            remember(configKey, jsonKey.getValue());
            out.writeFieldName(jsonKey);
            value.writeTo(out);
        }

        /** Any other keys the project set, after the known ones. */
        void finish() throws IOException {
            for (Map.Entry<String, Object> entry : config.asMap().entrySet()) {
                String k = entry.getKey();
                String name = jsonKey(k);
                if (!contains(used, k) && !contains(written, name)) {
                    remember(null, name);
                    out.writeFieldName(name);
                    JsonOut.value(out, entry.getValue());
                }
            }
        }

        private void remember(String configKey, String jsonKey) {
            if (count == used.length) {
                used = java.util.Arrays.copyOf(used, count * 2);
                written = java.util.Arrays.copyOf(written, count * 2);
            }
            used[count] = configKey;
            written[count++] = jsonKey;
        }

        private boolean contains(String[] keys, String key) {
            for (int i = 0; i < count; i++) {
                if (key.equals(keys[i])) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Writes one value. */
    interface Value {
        void writeTo(JsonGenerator out) throws IOException;
    }
}
