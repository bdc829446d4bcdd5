package dev.sluice.core.artifacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.execute.NodeResult;
import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.execute.RunResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.sluice.core.artifacts.ManifestJsonWriterTest.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

class RunResultsJsonWriterTest {
    private static final UUID INVOCATION = UUID.fromString("0b7c9a3e-55f1-4d8e-8f3a-9d2f1e0c4b21");
    private static final Instant T0 = Instant.parse("2024-05-01T12:00:00.000001Z");
    private static final Instant T1 = Instant.parse("2024-05-01T12:00:01.250000Z");

    @TempDir
    Path dir;

    private final ObjectMapper mapper = new ObjectMapper();

    private static RunResults results() {
        NodeResult model = new NodeResult("model.jaffle_shop.customers", NodeStatus.SUCCESS, "OK", T0, T1, 1.249999,
                "Thread-1 (worker)", null, Map.of("_message", "OK", "code", "OK", "rows_affected", 42),
                "select * from \"analytics\".\"main\".\"stg_orders\"", "\"analytics\".\"main\".\"customers\"");
        NodeResult failing = new NodeResult("test.jaffle_shop.not_null_stg_orders_order_id.5b5e4a1c2d",
                NodeStatus.FAIL, "Got 3 results, configured to fail if != 0", T0, T1, 0.5, "Thread-2 (worker)", 3L,
                Map.of(), "select order_id from stg_orders where order_id is null", null);
        NodeResult broken = new NodeResult("model.jaffle_shop.broken", NodeStatus.RUNTIME_ERROR,
                "Catalog Error: Table with name nope does not exist!", T0, T1, 0.01, "Thread-3 (worker)", null,
                Map.of(), null, null);
        NodeResult seed = new NodeResult("seed.jaffle_shop.raw_customers", NodeStatus.SUCCESS, "INSERT 100", T0, T1,
                0.2, "Thread-1 (worker)", null, Map.of("rows_affected", 100), null,
                "\"analytics\".\"main\".\"raw_customers\"");
        NodeResult skipped = NodeResult.skipped("model.jaffle_shop.downstream", "skipped: parent failed",
                "Thread-4 (worker)");
        return new RunResults("build", T1, 2.5, List.of(model, failing, broken, seed, skipped),
                List.of("build", "--select", "customers+"));
    }

    private JsonNode writeAndRead(Map<String, ?> args) throws IOException {
        Path file = dir.resolve("target/run_results.json");
        new RunResultsJsonWriter().write(results(), ArtifactMetadata.forRunResults(INVOCATION, T1), args, file);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("\n");
        return mapper.readTree(text);
    }

    @Test
    void topLevelShapeAndMetadataAreV6() throws IOException {
        JsonNode root = writeAndRead(Map.of());
        assertThat(fieldNames(root)).containsExactly("metadata", "results", "elapsed_time", "args");
        JsonNode meta = root.get("metadata");
        // v6 metadata forbids the manifest-only fields
        assertThat(fieldNames(meta)).containsExactly("dbt_schema_version", "dbt_version", "generated_at",
                "invocation_id", "env");
        assertThat(meta.get("dbt_schema_version").asText())
                .isEqualTo("https://schemas.getdbt.com/dbt/run-results/v6.json");
        assertThat(meta.get("generated_at").asText()).isEqualTo("2024-05-01T12:00:01.250000Z");
        assertThat(meta.get("invocation_id").asText()).isEqualTo(INVOCATION.toString());
        assertThat(root.get("elapsed_time").asDouble()).isEqualTo(2.5);
        assertThat(root.get("results").size()).isEqualTo(5);
    }

    @Test
    void successfulModelResult() throws IOException {
        JsonNode r = writeAndRead(Map.of()).at("/results/0");
        assertThat(fieldNames(r)).containsExactly("status", "timing", "thread_id", "execution_time",
                "adapter_response", "message", "failures", "unique_id", "compiled", "compiled_code",
                "relation_name", "batch_results");
        assertThat(r.get("status").asText()).isEqualTo("success");
        assertThat(r.at("/timing/0/name").asText()).isEqualTo("compile");
        assertThat(r.at("/timing/1/name").asText()).isEqualTo("execute");
        assertThat(r.at("/timing/1/started_at").asText()).isEqualTo("2024-05-01T12:00:00.000001Z");
        assertThat(r.at("/timing/1/completed_at").asText()).isEqualTo("2024-05-01T12:00:01.250000Z");
        assertThat(r.get("thread_id").asText()).isEqualTo("Thread-1 (worker)");
        assertThat(r.get("execution_time").asDouble()).isEqualTo(1.249999);
        assertThat(r.at("/adapter_response/rows_affected").asInt()).isEqualTo(42);
        assertThat(r.get("message").asText()).isEqualTo("OK");
        assertThat(r.get("failures").isNull()).isTrue();
        assertThat(r.get("unique_id").asText()).isEqualTo("model.jaffle_shop.customers");
        assertThat(r.get("compiled").asBoolean()).isTrue();
        assertThat(r.get("compiled_code").asText()).startsWith("select * from");
        assertThat(r.get("relation_name").asText()).isEqualTo("\"analytics\".\"main\".\"customers\"");
        assertThat(r.get("batch_results").isNull()).isTrue();
    }

    @Test
    void failingTestErrorSeedAndSkippedResults() throws IOException {
        JsonNode results = writeAndRead(Map.of()).get("results");
        JsonNode test = results.get(1);
        assertThat(test.get("status").asText()).isEqualTo("fail");
        assertThat(test.get("failures").asLong()).isEqualTo(3L);
        assertThat(test.get("relation_name").isNull()).isTrue();

        JsonNode error = results.get(2);
        assertThat(error.get("status").asText()).isEqualTo("runtime error");
        assertThat(error.get("message").asText()).contains("Table with name nope");
        assertThat(error.get("compiled").asBoolean()).isFalse();
        assertThat(error.get("compiled_code").isNull()).isTrue();

        JsonNode seed = results.get(3);
        assertThat(seed.get("compiled").isNull()).isTrue();
        assertThat(seed.get("relation_name").asText()).isEqualTo("\"analytics\".\"main\".\"raw_customers\"");

        JsonNode skipped = results.get(4);
        assertThat(skipped.get("status").asText()).isEqualTo("skipped");
        assertThat(skipped.get("timing").isArray()).isTrue();
        assertThat(skipped.get("timing").size()).isZero();
        assertThat(skipped.get("execution_time").asDouble()).isZero();
        assertThat(skipped.get("adapter_response").isObject()).isTrue();
    }

    @Test
    void argsIsAMapWithCommandAndEngineFlags() throws IOException {
        JsonNode args = writeAndRead(Map.of("select", List.of("customers+"), "threads", 4)).get("args");
        assertThat(args.get("which").asText()).isEqualTo("build");
        assertThat(args.get("invocation_command").asText()).isEqualTo("sluice build --select customers+");
        assertThat(args.at("/select/0").asText()).isEqualTo("customers+");
        assertThat(args.get("threads").asInt()).isEqualTo(4);
    }
}
