package dev.sluice.core.freshness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.artifacts.ArtifactMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesJsonTest {
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00.123456Z");
    private static final FreshnessCriteria CRITERIA = new FreshnessCriteria(new Threshold(12L, Period.HOUR),
            null, "id > 0");

    @TempDir
    Path dir;

    static SourceFreshness measured(String id, FreshnessStatus status, Instant loaded, Instant now) {
        return new SourceFreshness(id, "\"raw\".\"t\"", "freshness of raw.t", status, CRITERIA, loaded, now,
                Timestamps.secondsBetween(loaded, now), null, now, now.plusMillis(20), "Thread-1",
                Map.of("_message", "OK"), "select 1");
    }

    static SourceFreshness failed(String id) {
        return new SourceFreshness(id, "raw.gone", "freshness of raw.gone", FreshnessStatus.RUNTIME_ERROR, CRITERIA,
                null, null, null, "Database Error: no table", NOW, NOW, "Thread-2", Map.of(), "select 2");
    }

    @Test
    void writesDbtsV3Shape() throws Exception {
        UUID invocation = UUID.randomUUID();
        List<SourceFreshness> results = List.of(
                measured("source.p.raw.a", FreshnessStatus.WARN, NOW.minusSeconds(30 * 3600), NOW),
                failed("source.p.raw.gone"));
        Path file = dir.resolve("out/sources.json");
        new SourcesJson().write(results, 1.5, ArtifactMetadata.forRunResults(invocation, NOW)
                .withSchema(SourcesJson.SCHEMA), file);

        JsonNode root = new ObjectMapper().readTree(file.toFile());
        assertThat(root.path("metadata").path("dbt_schema_version").asText())
                .isEqualTo("https://schemas.getdbt.com/dbt/sources/v3.json");
        assertThat(root.path("metadata").path("invocation_id").asText()).isEqualTo(invocation.toString());
        assertThat(root.path("metadata").path("generated_at").asText()).isEqualTo("2024-05-01T12:00:00.123456Z");
        assertThat(root.path("elapsed_time").asDouble()).isEqualTo(1.5);

        JsonNode warn = root.path("results").get(0);
        assertThat(iterable(warn)).containsExactly("unique_id", "max_loaded_at", "snapshotted_at",
                "max_loaded_at_time_ago_in_s", "status", "criteria", "adapter_response", "timing", "thread_id",
                "execution_time");
        assertThat(warn.path("max_loaded_at").asText()).isEqualTo("2024-04-30T06:00:00.123456+00:00");
        assertThat(warn.path("snapshotted_at").asText()).isEqualTo("2024-05-01T12:00:00.123456+00:00");
        assertThat(warn.path("max_loaded_at_time_ago_in_s").asDouble()).isEqualTo(108000.0);
        assertThat(warn.path("status").asText()).isEqualTo("warn");
        assertThat(warn.path("criteria").toString()).isEqualTo("{\"warn_after\":{\"count\":12,\"period\":\"hour\"},"
                + "\"error_after\":{\"count\":null,\"period\":null},\"filter\":\"id > 0\"}");
        assertThat(warn.path("adapter_response").path("_message").asText()).isEqualTo("OK");
        assertThat(warn.path("timing").get(1).path("name").asText()).isEqualTo("execute");
        assertThat(warn.path("thread_id").asText()).isEqualTo("Thread-1");
        assertThat(warn.path("execution_time").asDouble()).isEqualTo(0.02);

        JsonNode error = root.path("results").get(1);
        assertThat(iterable(error)).containsExactly("unique_id", "error", "status");
        assertThat(error.path("status").asText()).isEqualTo("runtime error");
        assertThat(error.path("error").asText()).isEqualTo("Database Error: no table");
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("sources.json");
        }
    }

    @Test
    void readerGetsStatusAndMaxLoadedAtBack() {
        Path file = dir.resolve("sources.json");
        Instant loaded = NOW.minusSeconds(3600);
        new SourcesJson().write(List.of(measured("source.p.raw.a", FreshnessStatus.PASS, loaded, NOW),
                failed("source.p.raw.gone")), 0.1, ArtifactMetadata.forRunResults(UUID.randomUUID(), NOW), file);

        FreshnessSnapshot snapshot = new SourcesJsonReader().read(file).orElseThrow();
        assertThat(snapshot.entries()).hasSize(2);
        assertThat(snapshot.entries().get("source.p.raw.a"))
                .isEqualTo(new FreshnessSnapshot.Entry(FreshnessStatus.PASS, loaded));
        assertThat(snapshot.entries().get("source.p.raw.gone").isRuntimeError()).isTrue();
        assertThat(new SourcesJsonReader().read(dir.resolve("missing.json"))).isEmpty();
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
