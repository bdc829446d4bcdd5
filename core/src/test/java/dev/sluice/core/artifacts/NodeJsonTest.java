package dev.sluice.core.artifacts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.core.manifest.Manifest;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.ResourceType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.sluice.core.artifacts.ManifestJsonWriterTest.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

class NodeJsonTest {
    private static final List<String> PARSED_KEYS = List.of("database", "schema", "name", "resource_type",
            "package_name", "path", "original_file_path", "unique_id", "fqn", "alias", "checksum", "config", "tags",
            "description", "columns", "meta", "group", "docs", "patch_path", "build_path", "unrendered_config",
            "created_at", "relation_name", "raw_code");
    private static final List<String> COMPILED_KEYS = List.of("language", "refs", "sources", "metrics",
            "depends_on", "compiled_path", "contract");

    private static Node node(ResourceType type, String name) {
        Node node = new Node(type.dbtName() + ".p." + name, type, "p", name, name + ".sql",
                "models/" + name + ".sql", List.of("p", name));
        node.schema = "main";
        node.rawCode = "select 1";
        return node;
    }

    private static NodeJson writer(Manifest manifest, Map<String, String> relations) {
        ManifestExtras extras = ManifestExtras.parsedOnly("duckdb").withRelationNames(relations);
        return new NodeJson(manifest, extras, Json.epochDecimal(Instant.EPOCH));
    }

    private static Manifest empty() {
        return new Manifest("p", Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
    }

    @Test
    void seedAndTestKeySetsMatchTheirDbtClasses() {
        Manifest manifest = ManifestFixture.manifest();
        NodeJson json = writer(manifest, Map.of());
        JsonNode seed = json.toJson(manifest.nodes.get(ManifestFixture.SEED));
        assertThat(fieldNames(seed)).containsExactlyElementsOf(concat(PARSED_KEYS,
                List.of("root_path", "depends_on", "defer_relation")));
        JsonNode generic = json.toJson(manifest.nodes.get(ManifestFixture.GENERIC_TEST));
        assertThat(fieldNames(generic)).containsExactlyElementsOf(concat(PARSED_KEYS, COMPILED_KEYS,
                List.of("column_name", "file_key_name", "attached_node", "test_metadata")));
        JsonNode singular = json.toJson(manifest.nodes.get(ManifestFixture.SINGULAR_TEST));
        assertThat(fieldNames(singular)).containsExactlyElementsOf(concat(PARSED_KEYS, COMPILED_KEYS));
    }

    @Test
    void snapshotConfigHasSnapshotFields() {
        Node snapshot = node(ResourceType.SNAPSHOT, "orders_snapshot");
        snapshot.config.set("strategy", "timestamp");
        snapshot.config.set("unique_key", "id");
        snapshot.config.set("updated_at", "updated_at");
        snapshot.config.set("snapshot_meta_column_names", Map.of("dbt_valid_to", "valid_to"));
        JsonNode json = writer(empty(), Map.of()).toJson(snapshot);
        assertThat(fieldNames(json)).containsExactlyElementsOf(concat(PARSED_KEYS, COMPILED_KEYS,
                List.of("defer_relation")));
        JsonNode config = json.get("config");
        assertThat(config.get("materialized").asText()).isEqualTo("snapshot");
        assertThat(config.get("strategy").asText()).isEqualTo("timestamp");
        assertThat(config.get("unique_key").asText()).isEqualTo("id");
        assertThat(config.get("updated_at").asText()).isEqualTo("updated_at");
        assertThat(config.at("/snapshot_meta_column_names/dbt_valid_to").asText()).isEqualTo("valid_to");
        assertThat(config.at("/snapshot_meta_column_names/dbt_scd_id").isNull()).isTrue();
        assertThat(config.get("check_cols").isNull()).isTrue();
        assertThat(config.has("access")).isFalse();
    }

    @Test
    void operationHasIndexAndAnalysisHasNoModelFields() {
        JsonNode operation = writer(empty(), Map.of()).toJson(node(ResourceType.OPERATION, "on_run_start_0"));
        assertThat(operation.get("resource_type").asText()).isEqualTo("operation");
        assertThat(operation.has("index")).isTrue();
        JsonNode analysis = writer(empty(), Map.of()).toJson(node(ResourceType.ANALYSIS, "explore"));
        assertThat(analysis.get("resource_type").asText()).isEqualTo("analysis");
        assertThat(fieldNames(analysis)).containsExactlyElementsOf(concat(PARSED_KEYS, COMPILED_KEYS));
    }

    @Test
    void ephemeralModelNeverHasARelationName() {
        Node ephemeral = node(ResourceType.MODEL, "eph");
        ephemeral.config.set("materialized", "ephemeral");
        JsonNode json = writer(empty(), Map.of(ephemeral.uniqueId, "\"db\".\"main\".\"eph\"")).toJson(ephemeral);
        assertThat(json.get("relation_name").isNull()).isTrue();
        assertThat(json.at("/config/materialized").asText()).isEqualTo("ephemeral");
    }

    @Test
    void missingChecksumFallsBackToSha256OfTheCode() {
        Node model = node(ResourceType.MODEL, "m");
        JsonNode json = writer(empty(), Map.of()).toJson(model);
        // sha256("select 1")
        assertThat(json.at("/checksum/checksum").asText())
                .isEqualTo("822ae07d4783158bc1912bb623e5107cc9002d519e1143a9c200ed6ee18b6d0f");
    }

    @Test
    void versionedRefsAndHooksGivenAsMaps() {
        Node model = node(ResourceType.MODEL, "m");
        model.refs.add(java.util.Arrays.asList(null, "dim_customers", "2"));
        model.config.set("pre-hook", List.of(Map.of("sql", "set x = 1", "transaction", false), "select 2"));
        model.config.set("contract", Map.of("enforced", true));
        model.config.set("docs", Map.of("show", false, "node_color", "#aabbcc"));
        JsonNode json = writer(empty(), Map.of()).toJson(model);
        assertThat(json.at("/refs/0/name").asText()).isEqualTo("dim_customers");
        assertThat(json.at("/refs/0/package").isNull()).isTrue();
        assertThat(json.at("/refs/0/version").isIntegralNumber()).isTrue();
        assertThat(json.at("/refs/0/version").asInt()).isEqualTo(2);
        assertThat(json.at("/config/pre-hook/0/sql").asText()).isEqualTo("set x = 1");
        assertThat(json.at("/config/pre-hook/0/transaction").asBoolean()).isFalse();
        assertThat(json.at("/config/pre-hook/1/sql").asText()).isEqualTo("select 2");
        assertThat(json.at("/config/pre-hook/1/transaction").asBoolean()).isTrue();
        assertThat(json.at("/config/contract/enforced").asBoolean()).isTrue();
        assertThat(json.at("/contract/enforced").asBoolean()).isTrue();
        assertThat(json.at("/docs/show").asBoolean()).isFalse();
        assertThat(json.at("/docs/node_color").asText()).isEqualTo("#aabbcc");
        assertThat(json.at("/config/docs/node_color").asText()).isEqualTo("#aabbcc");
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        return java.util.Arrays.stream(parts).flatMap(List::stream).toList();
    }
}
