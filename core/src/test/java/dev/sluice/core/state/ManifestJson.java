package dev.sluice.core.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;

/** Builds manifest.json text in dbt's v12 shape for comparison tests. */
final class ManifestJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final ObjectNode root = MAPPER.createObjectNode();

    ManifestJson() {
        root.putObject("metadata").put("dbt_schema_version", "https://schemas.getdbt.com/dbt/manifest/v12.json");
        root.putObject("nodes");
        root.putObject("sources");
        root.putObject("macros");
        root.putObject("exposures");
    }

    /** A table model in {@code schema} with {@code sql}; {@code edit} adjusts the entry. */
    ManifestJson model(String name, String schema, String sql, Consumer<ObjectNode> edit) {
        ObjectNode n = ((ObjectNode) root.get("nodes")).putObject("model.shop." + name);
        n.put("database", "warehouse").put("schema", schema).put("name", name).put("resource_type", "model")
                .put("package_name", "shop").put("unique_id", "model.shop." + name).put("alias", name)
                .put("raw_code", sql).put("description", "").put("relation_name",
                        "\"warehouse\".\"" + schema + "\".\"" + name + "\"");
        n.putArray("fqn").add("shop").add(name);
        n.putObject("checksum").put("name", "sha256").put("checksum", Integer.toHexString(sql.hashCode()));
        ObjectNode config = n.putObject("config");
        config.put("materialized", "table").put("schema", (String) null);
        config.putObject("persist_docs");
        config.putObject("contract").put("enforced", false);
        n.putObject("unrendered_config").put("materialized", "table");
        n.putObject("columns");
        n.putObject("contract").put("enforced", false).putNull("checksum");
        ObjectNode dependsOn = n.putObject("depends_on");
        dependsOn.putArray("macros");
        dependsOn.putArray("nodes");
        edit.accept(n);
        return this;
    }

    ManifestJson model(String name, String schema, String sql) {
        return model(name, schema, sql, n -> { });
    }

    ManifestJson seed(String name, String schema, String checksum) {
        ObjectNode n = ((ObjectNode) root.get("nodes")).putObject("seed.shop." + name);
        n.put("database", "warehouse").put("schema", schema).put("name", name).put("resource_type", "seed")
                .put("package_name", "shop").put("alias", name).put("raw_code", "");
        n.putArray("fqn").add("shop").add(name);
        n.putObject("checksum").put("name", "sha256").put("checksum", checksum);
        n.putObject("config").put("materialized", "seed");
        n.putObject("unrendered_config");
        return this;
    }

    ManifestJson source(String source, String table, String schema) {
        ObjectNode n = ((ObjectNode) root.get("sources")).putObject("source.shop." + source + "." + table);
        n.put("database", "warehouse").put("schema", schema).put("name", table).put("resource_type", "source")
                .put("identifier", table).put("source_name", source).put("package_name", "shop");
        n.putArray("fqn").add("shop").add(source).add(table);
        n.putObject("config").put("enabled", true);
        n.putObject("unrendered_config");
        return this;
    }

    ManifestJson macro(String pkg, String name, String sql, String... dependsOn) {
        ObjectNode m = ((ObjectNode) root.get("macros")).putObject("macro." + pkg + "." + name);
        m.put("name", name).put("package_name", pkg).put("unique_id", "macro." + pkg + "." + name)
                .put("macro_sql", sql);
        ArrayNode deps = m.putObject("depends_on").putArray("macros");
        for (String d : dependsOn) {
            deps.add(d);
        }
        return this;
    }

    StateManifest read() {
        return StateManifest.parse(root.toString());
    }

    static ArrayNode macros(ObjectNode node) {
        return (ArrayNode) node.get("depends_on").get("macros");
    }
}
