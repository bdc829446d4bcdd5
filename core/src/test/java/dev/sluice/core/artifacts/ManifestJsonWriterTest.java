package dev.sluice.core.artifacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.manifest.Manifest;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.ResourceType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static dev.sluice.core.artifacts.ManifestFixture.CUSTOMERS;
import static dev.sluice.core.artifacts.ManifestFixture.DISABLED;
import static dev.sluice.core.artifacts.ManifestFixture.DOC;
import static dev.sluice.core.artifacts.ManifestFixture.EXPOSURE;
import static dev.sluice.core.artifacts.ManifestFixture.GENERIC_TEST;
import static dev.sluice.core.artifacts.ManifestFixture.MACRO;
import static dev.sluice.core.artifacts.ManifestFixture.SEED;
import static dev.sluice.core.artifacts.ManifestFixture.SINGULAR_TEST;
import static dev.sluice.core.artifacts.ManifestFixture.SOURCE;
import static dev.sluice.core.artifacts.ManifestFixture.STG;
import static org.assertj.core.api.Assertions.assertThat;

class ManifestJsonWriterTest {
    private static final UUID INVOCATION = UUID.fromString("6f2d0a55-8a8e-4c1b-9d0e-2b8f8b8a1c11");
    private static final Instant GENERATED = Instant.parse("2024-05-01T12:34:56.123456789Z");

    @TempDir
    Path dir;

    private final ObjectMapper mapper = new ObjectMapper();
    private JsonNode manifest;
    private Path file;

    @BeforeEach
    void writeAndReadBack() throws IOException {
        file = dir.resolve("target/manifest.json");
        ArtifactMetadata meta = ArtifactMetadata.forManifest("jaffle_shop", "duckdb", INVOCATION, GENERATED);
        new ManifestJsonWriter().write(ManifestFixture.manifest(), ManifestFixture.extras(), meta, file);
        manifest = mapper.readTree(file.toFile());
    }

    @Test
    void topLevelKeysAreExactlyV12InOrder() {
        assertThat(fieldNames(manifest)).containsExactly("metadata", "nodes", "sources", "macros", "docs",
                "exposures", "metrics", "groups", "selectors", "disabled", "parent_map", "child_map", "group_map",
                "saved_queries", "semantic_models", "unit_tests");
    }

    @Test
    void metadataDescribesTheInvocation() {
        JsonNode meta = manifest.get("metadata");
        assertThat(meta.get("dbt_schema_version").asText())
                .isEqualTo("https://schemas.getdbt.com/dbt/manifest/v12.json");
        assertThat(meta.get("dbt_version").asText()).isEqualTo("1.9.0");
        assertThat(meta.get("generated_at").asText()).isEqualTo("2024-05-01T12:34:56.123456Z");
        assertThat(meta.get("invocation_id").asText()).isEqualTo(INVOCATION.toString());
        assertThat(meta.get("project_name").asText()).isEqualTo("jaffle_shop");
        // md5("jaffle_shop"), as dbt computes project_id
        assertThat(meta.get("project_id").asText()).isEqualTo("06e5b98c2db46f8a72cc4f66410e9b3b");
        assertThat(meta.get("adapter_type").asText()).isEqualTo("duckdb");
        assertThat(meta.get("user_id").isNull()).isTrue();
        assertThat(meta.get("send_anonymous_usage_stats").asBoolean()).isFalse();
        assertThat(meta.get("env").isObject()).isTrue();
        assertThat(meta.get("env").size()).isZero();
    }

    @Test
    void nodesAreSortedByUniqueIdAndExcludeDisabled() {
        assertThat(fieldNames(manifest.get("nodes")))
                .containsExactly(CUSTOMERS, STG, SEED, SINGULAR_TEST, GENERIC_TEST);
    }

    @Test
    void modelHasDbtKeysInOrderAndCompiledFields() {
        JsonNode model = manifest.at("/nodes/" + CUSTOMERS);
        assertThat(fieldNames(model)).containsExactly("database", "schema", "name", "resource_type",
                "package_name", "path", "original_file_path", "unique_id", "fqn", "alias", "checksum", "config",
                "tags", "description", "columns", "meta", "group", "docs", "patch_path", "build_path",
                "unrendered_config", "created_at", "relation_name", "raw_code", "language", "refs", "sources",
                "metrics", "depends_on", "compiled_path", "compiled", "compiled_code", "extra_ctes_injected",
                "extra_ctes", "contract", "access", "constraints", "version", "latest_version", "deprecation_date",
                "defer_relation", "primary_key", "time_spine");
        assertThat(model.get("resource_type").asText()).isEqualTo("model");
        assertThat(model.get("alias").asText()).isEqualTo("customers");
        assertThat(model.at("/checksum/name").asText()).isEqualTo("sha256");
        assertThat(model.at("/checksum/checksum").asText()).isEqualTo("c".repeat(64));
        assertThat(texts(model.at("/depends_on/nodes"))).containsExactly(SEED, STG);
        assertThat(texts(model.at("/depends_on/macros"))).containsExactly(MACRO);
        assertThat(model.get("relation_name").asText()).isEqualTo("\"analytics\".\"main\".\"customers\"");
        assertThat(model.get("compiled").asBoolean()).isTrue();
        assertThat(model.get("compiled_code").asText()).startsWith("with __dbt__cte__x as");
        assertThat(model.get("compiled_path").asText()).isEqualTo("target/compiled/jaffle_shop/models/customers.sql");
        assertThat(model.at("/extra_ctes/0/id").asText()).isEqualTo("model.jaffle_shop.x");
        assertThat(model.at("/extra_ctes/0/sql").asText()).isEqualTo("__dbt__cte__x as (select 1)");
        assertThat(model.get("access").asText()).isEqualTo("protected");
        assertThat(model.get("created_at").isNumber()).isTrue();
        assertThat(model.get("created_at").asDouble()).isEqualTo(1714566896.123456);
        assertThat(model.at("/contract/enforced").asBoolean()).isFalse();
        assertThat(model.at("/contract/checksum").isNull()).isTrue();
    }

    @Test
    void refsAreObjectsAndSourcesArePairs() {
        JsonNode refs = manifest.at("/nodes/" + CUSTOMERS + "/refs");
        assertThat(refs.at("/0/name").asText()).isEqualTo("raw_customers");
        assertThat(refs.at("/0/package").isNull()).isTrue();
        assertThat(refs.at("/0/version").isNull()).isTrue();
        assertThat(refs.at("/1/name").asText()).isEqualTo("stg_orders");
        assertThat(refs.at("/1/package").asText()).isEqualTo("jaffle_shop");
        JsonNode sources = manifest.at("/nodes/" + STG + "/sources");
        assertThat(sources.size()).isEqualTo(1);
        assertThat(texts(sources.get(0))).containsExactly("raw", "orders");
    }

    @Test
    void modelConfigHasDbtDefaultsProjectValuesAndExtraKeys() {
        JsonNode config = manifest.at("/nodes/" + CUSTOMERS + "/config");
        assertThat(config.get("enabled").asBoolean()).isTrue();
        assertThat(config.get("materialized").asText()).isEqualTo("table");
        assertThat(texts(config.get("tags"))).containsExactly("nightly");
        assertThat(config.at("/meta/owner").asText()).isEqualTo("finance");
        assertThat(config.get("group").asText()).isEqualTo("finance");
        assertThat(config.at("/post-hook/0/sql").asText()).isEqualTo("grant select on {{ this }} to reporter");
        assertThat(config.at("/post-hook/0/transaction").asBoolean()).isTrue();
        assertThat(config.at("/post-hook/0/index").isNull()).isTrue();
        assertThat(config.get("pre-hook").size()).isZero();
        assertThat(config.has("post_hook")).isFalse();
        assertThat(config.get("on_schema_change").asText()).isEqualTo("ignore");
        assertThat(config.get("on_configuration_change").asText()).isEqualTo("apply");
        assertThat(config.get("incremental_strategy").isNull()).isTrue();
        assertThat(config.get("unique_key").isNull()).isTrue();
        assertThat(config.get("full_refresh").isNull()).isTrue();
        assertThat(config.get("persist_docs").isObject()).isTrue();
        assertThat(config.get("quoting").isObject()).isTrue();
        assertThat(config.get("grants").isObject()).isTrue();
        assertThat(config.get("packages").isArray()).isTrue();
        assertThat(config.at("/docs/show").asBoolean()).isTrue();
        assertThat(config.at("/docs/node_color").isNull()).isTrue();
        assertThat(config.at("/contract/enforced").asBoolean()).isFalse();
        assertThat(config.at("/contract/alias_types").asBoolean()).isTrue();
        assertThat(config.get("access").asText()).isEqualTo("protected");
        // unknown keys survive, after the known ones
        assertThat(config.get("sort").asText()).isEqualTo("id");
        List<String> keys = fieldNames(config);
        assertThat(keys.indexOf("sort")).isGreaterThan(keys.indexOf("access"));
        JsonNode model = manifest.at("/nodes/" + CUSTOMERS);
        assertThat(texts(model.get("tags"))).containsExactly("nightly");
        assertThat(model.at("/meta/owner").asText()).isEqualTo("finance");
        assertThat(model.at("/unrendered_config/materialized").asText()).isEqualTo("table");
        assertThat(model.at("/unrendered_config/post-hook/0").asText())
                .isEqualTo("grant select on {{ this }} to reporter");
    }

    @Test
    void uncompiledModelOmitsCompiledFieldsLikeDbt() {
        JsonNode stg = manifest.at("/nodes/" + STG);
        assertThat(stg.has("compiled")).isFalse();
        assertThat(stg.has("compiled_code")).isFalse();
        assertThat(stg.has("extra_ctes")).isFalse();
        assertThat(stg.get("compiled_path").isNull()).isTrue();
        assertThat(stg.get("config").get("materialized").asText()).isEqualTo("view");
        assertThat(stg.at("/columns/order_id/name").asText()).isEqualTo("order_id");
        assertThat(stg.at("/columns/order_id/description").asText()).isEqualTo("Primary key");
        assertThat(stg.at("/columns/order_id/data_type").asText()).isEqualTo("integer");
        assertThat(texts(stg.at("/columns/order_id/tags"))).containsExactly("pk");
        assertThat(stg.at("/columns/order_id/constraints").isArray()).isTrue();
        assertThat(stg.at("/columns/order_id/quote").isNull()).isTrue();
        assertThat(stg.get("patch_path").asText()).isEqualTo("jaffle_shop://models/schema.yml");
    }

    @Test
    void seedHasRootPathAndOnlyMacroDependencies() {
        JsonNode seed = manifest.at("/nodes/" + SEED);
        assertThat(seed.get("resource_type").asText()).isEqualTo("seed");
        assertThat(seed.get("root_path").asText()).isEqualTo(ManifestFixture.ROOT.toString());
        assertThat(fieldNames(seed.get("depends_on"))).containsExactly("macros");
        assertThat(seed.has("language")).isFalse();
        assertThat(seed.has("refs")).isFalse();
        assertThat(seed.has("access")).isFalse();
        assertThat(seed.get("raw_code").asText()).isEmpty();
        assertThat(seed.at("/config/materialized").asText()).isEqualTo("seed");
        assertThat(seed.at("/config/delimiter").asText()).isEqualTo(",");
        assertThat(seed.at("/config/column_types/id").asText()).isEqualTo("integer");
        assertThat(seed.get("relation_name").asText()).isEqualTo("\"analytics\".\"main\".\"raw_customers\"");
    }

    @Test
    void genericTestCarriesTestMetadataAndTestConfig() {
        JsonNode test = manifest.at("/nodes/" + GENERIC_TEST);
        assertThat(test.get("resource_type").asText()).isEqualTo("test");
        assertThat(test.at("/test_metadata/name").asText()).isEqualTo("not_null");
        assertThat(test.at("/test_metadata/kwargs/column_name").asText()).isEqualTo("order_id");
        assertThat(test.at("/test_metadata/kwargs/model").asText())
                .isEqualTo("{{ get_where_subquery(ref('stg_orders')) }}");
        assertThat(test.at("/test_metadata/namespace").isNull()).isTrue();
        assertThat(test.get("column_name").asText()).isEqualTo("order_id");
        assertThat(test.get("attached_node").asText()).isEqualTo(STG);
        assertThat(test.get("file_key_name").asText()).isEqualTo("models.stg_orders");
        assertThat(texts(test.at("/depends_on/nodes"))).containsExactly(STG);
        assertThat(test.get("relation_name").isNull()).isTrue();
        assertThat(test.has("access")).isFalse();
        JsonNode config = test.get("config");
        assertThat(config.get("materialized").asText()).isEqualTo("test");
        assertThat(config.get("severity").asText()).isEqualTo("WARN");
        assertThat(config.get("schema").asText()).isEqualTo("dbt_test__audit");
        assertThat(config.get("fail_calc").asText()).isEqualTo("count(*)");
        assertThat(config.get("warn_if").asText()).isEqualTo("!= 0");
        assertThat(config.get("error_if").asText()).isEqualTo("!= 0");
        assertThat(config.get("store_failures").isNull()).isTrue();
        assertThat(config.get("where").isNull()).isTrue();
        assertThat(config.get("limit").isNull()).isTrue();
        assertThat(config.has("post-hook")).isFalse();
        assertThat(config.has("access")).isFalse();
    }

    @Test
    void singularTestHasNoTestMetadata() {
        JsonNode test = manifest.at("/nodes/" + SINGULAR_TEST);
        assertThat(test.has("test_metadata")).isFalse();
        assertThat(test.has("column_name")).isFalse();
        assertThat(test.get("original_file_path").asText()).isEqualTo("tests/assert_positive_total.sql");
        assertThat(test.at("/config/severity").asText()).isEqualTo("ERROR");
        assertThat(test.at("/config/store_failures").asBoolean()).isTrue();
        assertThat(test.at("/config/store_failures_as").asText()).isEqualTo("table");
        assertThat(texts(test.at("/depends_on/nodes"))).containsExactly(CUSTOMERS);
    }

    @Test
    void sourceHasDbtKeysAndRelationName() {
        JsonNode source = manifest.at("/sources/" + SOURCE);
        assertThat(fieldNames(source)).containsExactly("database", "schema", "name", "resource_type",
                "package_name", "path", "original_file_path", "unique_id", "fqn", "source_name",
                "source_description", "loader", "identifier", "quoting", "loaded_at_field", "freshness", "external",
                "description", "columns", "meta", "source_meta", "tags", "config", "patch_path", "unrendered_config",
                "relation_name", "created_at", "unrendered_database", "unrendered_schema");
        assertThat(source.get("resource_type").asText()).isEqualTo("source");
        assertThat(source.get("source_name").asText()).isEqualTo("raw");
        assertThat(source.get("identifier").asText()).isEqualTo("raw_orders");
        assertThat(source.get("relation_name").asText()).isEqualTo("\"analytics\".\"raw\".\"raw_orders\"");
        assertThat(source.at("/freshness/warn_after/count").asInt()).isEqualTo(12);
        assertThat(source.at("/freshness/warn_after/period").asText()).isEqualTo("hour");
        assertThat(source.at("/freshness/error_after/count").isNull()).isTrue();
        assertThat(source.at("/freshness/filter").isNull()).isTrue();
        assertThat(source.at("/config/enabled").asBoolean()).isTrue();
        assertThat(source.at("/columns/id/name").asText()).isEqualTo("id");
        assertThat(source.get("loaded_at_field").asText()).isEqualTo("_loaded_at");
    }

    @Test
    void macroDocAndExposure() {
        JsonNode macro = manifest.at("/macros/" + MACRO);
        assertThat(macro.get("resource_type").asText()).isEqualTo("macro");
        assertThat(macro.get("macro_sql").asText()).startsWith("{% macro cents_to_dollars(col, scale=2) %}");
        assertThat(macro.at("/depends_on/macros").isArray()).isTrue();
        assertThat(macro.get("arguments").isArray()).isTrue();
        assertThat(macro.get("supported_languages").isNull()).isTrue();

        JsonNode doc = manifest.at("/docs/" + DOC);
        assertThat(doc.get("resource_type").asText()).isEqualTo("doc");
        assertThat(doc.get("block_contents").asText()).isEqualTo("# Jaffle shop — café edition");

        JsonNode exposure = manifest.at("/exposures/" + EXPOSURE);
        assertThat(exposure.get("type").asText()).isEqualTo("dashboard");
        assertThat(exposure.at("/owner/email").asText()).isEqualTo("ana@example.com");
        assertThat(exposure.at("/owner/name").asText()).isEqualTo("Ana");
        assertThat(exposure.get("maturity").asText()).isEqualTo("high");
        assertThat(exposure.get("url").asText()).isEqualTo("https://bi.example.com/weekly");
        assertThat(texts(exposure.at("/depends_on/nodes"))).containsExactly(CUSTOMERS);
        assertThat(exposure.at("/refs/0/name").asText()).isEqualTo("customers");
        assertThat(exposure.at("/config/enabled").asBoolean()).isTrue();
    }

    @Test
    void disabledNodesAreListsOfNodes() {
        JsonNode disabled = manifest.at("/disabled/" + DISABLED);
        assertThat(disabled.isArray()).isTrue();
        assertThat(disabled.size()).isEqualTo(1);
        assertThat(disabled.at("/0/unique_id").asText()).isEqualTo(DISABLED);
        assertThat(disabled.at("/0/config/enabled").asBoolean()).isFalse();
        assertThat(manifest.at("/parent_map").has(DISABLED)).isFalse();
    }

    @Test
    void parentAndChildMapsCoverTheGraph() {
        JsonNode parents = manifest.get("parent_map");
        assertThat(texts(parents.get(CUSTOMERS))).containsExactly(SEED, STG);
        assertThat(texts(parents.get(STG))).containsExactly(SOURCE);
        assertThat(texts(parents.get(EXPOSURE))).containsExactly(CUSTOMERS);
        assertThat(parents.get(SOURCE).size()).isZero();
        JsonNode children = manifest.get("child_map");
        assertThat(texts(children.get(STG))).containsExactly(CUSTOMERS, GENERIC_TEST);
        assertThat(texts(children.get(CUSTOMERS))).containsExactly(EXPOSURE, SINGULAR_TEST);
        assertThat(texts(children.get(SOURCE))).containsExactly(STG);
        assertThat(texts(manifest.at("/group_map/finance"))).containsExactly(CUSTOMERS);
        assertThat(manifest.at("/selectors/nightly/definition").asText()).isEqualTo("tag:nightly");
    }

    @Test
    void parentMapLookupsAgreeWithItsEntries() {
        // single lookups are answered from the resources, iteration from a built map: both must say the same
        dev.sluice.core.manifest.Manifest graph = ManifestFixture.manifest();
        java.util.Map<String, java.util.List<String>> built = new java.util.TreeMap<>(graph.parentMap);
        assertThat(built.keySet()).containsExactlyElementsOf(graph.sortedIds());
        assertThat(graph.parentMap).hasSize(built.size());
        built.forEach((id, parents) -> {
            assertThat(graph.parentMap.get(id)).isEqualTo(parents);
            assertThat(graph.parentMap.containsKey(id)).isTrue();
        });
        assertThat(graph.parentMap.get("model.nowhere.missing")).isNull();
        assertThat(graph.parentMap.getOrDefault("model.nowhere.missing", java.util.List.of())).isEmpty();
        assertThat(graph.parentMap.get(STG)).containsExactly(SOURCE);
    }

    @Test
    void fileIsCompactUtf8AndWrittenAtomically() throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("{\"metadata\":{\"dbt_schema_version\":");
        assertThat(text).doesNotContain("\n");
        assertThat(text).contains("café edition");
        assertThat(text).contains("\"created_at\":1714566896.123456");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("manifest.json");
        }
    }

    @Test
    void outputIsReproducible() {
        ManifestJsonWriter writer = new ManifestJsonWriter();
        ArtifactMetadata meta = ArtifactMetadata.forManifest("jaffle_shop", "duckdb", INVOCATION, GENERATED);
        String first = writer.toText(ManifestFixture.manifest(), ManifestFixture.extras(), meta);
        String second = writer.toText(ManifestFixture.manifest(), ManifestFixture.extras(), meta);
        assertThat(first).isEqualTo(second);
    }

    @Test
    void theFileOfALargeManifestIsTheTextWrittenOneNodeAtATime() throws IOException {
        // the file's nodes are serialized on several threads and copied in order; toText writes them one by one
        Manifest base = ManifestFixture.manifest();
        Map<String, Node> nodes = new LinkedHashMap<>(base.nodes);
        for (int i = 0; i < 5000; i++) {
            Node model = new Node("model.jaffle_shop.m" + i, ResourceType.MODEL, "jaffle_shop", "m" + i, "m" + i
                    + ".sql", "models/m" + i + ".sql", List.of("jaffle_shop", "m" + i));
            model.rawCode = "select " + i + " as id, 'ünï ✓ " + "x".repeat(i % 50 * 200) + "' as t";
            model.config.set("meta", Map.of("i", i, "half", i / 2.0));
            model.dependsOnNodes.add(ManifestFixture.CUSTOMERS);
            nodes.put(model.uniqueId, model);
        }
        Manifest large = new Manifest(base.projectName, nodes, base.sources, base.macros, base.docs, base.exposures,
                base.disabled, base.selectors);
        ArtifactMetadata meta = ArtifactMetadata.forManifest("jaffle_shop", "duckdb", INVOCATION, GENERATED);
        ManifestJsonWriter writer = new ManifestJsonWriter();
        writer.write(large, ManifestFixture.extras(), meta, file);
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .isEqualTo(writer.toText(large, ManifestFixture.extras(), meta));
    }

    @Test
    void parsedOnlyManifestHasNoRelationNamesOrCompiledCode() {
        ArtifactMetadata meta = ArtifactMetadata.forManifest("jaffle_shop", null, INVOCATION, GENERATED);
        JsonNode tree = new ManifestJsonWriter().toJson(ManifestFixture.manifest(),
                ManifestExtras.parsedOnly("postgres"), meta);
        assertThat(tree.at("/metadata/adapter_type").asText()).isEqualTo("postgres");
        assertThat(tree.at("/nodes/" + CUSTOMERS + "/relation_name").isNull()).isTrue();
        assertThat(tree.at("/nodes/" + CUSTOMERS).has("compiled")).isFalse();
        assertThat(tree.at("/sources/" + SOURCE + "/relation_name").isNull()).isTrue();
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> out.add(item.asText()));
        return out;
    }
}
