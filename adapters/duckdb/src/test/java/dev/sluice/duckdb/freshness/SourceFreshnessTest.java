package dev.sluice.duckdb.freshness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.events.Event;
import dev.sluice.core.execute.NodeResult;
import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.execute.RunResults;
import dev.sluice.testkit.TestProject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code source freshness} on real DuckDB. Seeds hold loaded-at values the test sets relative to now; the sources
 * read them with warn_after 12 hours and error_after 48 hours.
 */
class SourceFreshnessTest {
    private static final DateTimeFormatter NAIVE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final String RECENT = "source.fresh.raw.recent";
    private static final String LATE = "source.fresh.raw.late";
    private static final String ANCIENT = "source.fresh.raw.ancient";

    @TempDir
    Path dir;

    /** A naive UTC timestamp {@code hours} ago, as the seed CSVs hold them. */
    private static String hoursAgo(double hours) {
        return NAIVE.format(Instant.now().minus(Duration.ofSeconds((long) (hours * 3600))));
    }

    private static String seed(double... hoursAgo) {
        StringBuilder csv = new StringBuilder("id,loaded_at\n");
        for (int i = 0; i < hoursAgo.length; i++) {
            csv.append(i + 1).append(',').append(hoursAgo(hoursAgo[i])).append('\n');
        }
        return csv.toString();
    }

    private TestProject project(String extraSources) {
        return TestProject.at(dir)
                .write("dbt_project.yml", "name: fresh\nprofile: fresh\nseeds:\n  fresh:\n"
                        + "    +column_types: {loaded_at: timestamp}\n")
                .duckdbProfile("fresh", "main", 2)
                .write("seeds/recent.csv", seed(1, 3))
                .write("seeds/late.csv", seed(30, 40))
                .write("seeds/ancient.csv", seed(100, 200))
                .write("models/sources.yml", """
                        version: 2
                        sources:
                          - name: raw
                            schema: main
                            loaded_at_field: loaded_at
                            freshness:
                              warn_after: {count: 12, period: hour}
                              error_after: {count: 48, period: hour}
                            tables:
                              - name: recent
                              - name: late
                              - name: ancient
                              - name: unchecked
                                identifier: recent
                                freshness: null
                        """ + extraSources)
                .write("models/uses_recent.sql", "select * from {{ source('raw', 'recent') }}\n");
    }

    private static Map<String, NodeStatus> statuses(RunResults results) {
        Map<String, NodeStatus> out = new LinkedHashMap<>();
        results.results().forEach(r -> out.put(r.uniqueId(), r.status()));
        return out;
    }

    private static Map<String, JsonNode> byId(JsonNode sourcesJson) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        sourcesJson.path("results").forEach(r -> out.put(r.path("unique_id").asText(), r));
        return out;
    }

    private static JsonNode read(Path file) throws Exception {
        return new ObjectMapper().readTree(file.toFile());
    }

    @Test
    void reportsPassWarnAndErrorAndFailsOnTheStaleOne() throws Exception {
        TestProject project = project("");
        project.sluice().seed(project.options().build());
        project.events().clear();

        RunResults results = project.sluice().freshness(project.options().build(), null);

        assertThat(statuses(results)).containsOnly(Map.entry(RECENT, NodeStatus.PASS),
                Map.entry(LATE, NodeStatus.WARN), Map.entry(ANCIENT, NodeStatus.ERROR));
        assertThat(results.command()).isEqualTo("freshness");
        assertThat(results.failed()).isTrue();

        Map<String, String> summaries = project.events().events().stream()
                .filter(e -> e instanceof Event.NodeFinished).map(e -> (Event.NodeFinished) e)
                .collect(Collectors.toMap(e -> e.result().uniqueId(), e -> e.description() + " [" + e.summary() + "]"));
        assertThat(summaries).containsOnly(Map.entry(RECENT, "freshness of raw.recent [PASS]"),
                Map.entry(LATE, "freshness of raw.late [WARN]"),
                Map.entry(ANCIENT, "freshness of raw.ancient [ERROR STALE]"));
        assertThat(project.events().events()).filteredOn(e -> e instanceof Event.NodeStarted).hasSize(3);
        assertThat(project.events().events()).filteredOn(e -> e instanceof Event.RunStarted)
                .singleElement().satisfies(e -> assertThat(((Event.RunStarted) e).total()).isEqualTo(3));
        Event last = project.events().events().get(project.events().events().size() - 1);
        assertThat(last).isInstanceOf(Event.RunFinished.class);
        assertThat(((Event.RunFinished) last).results()).isSameAs(results);

        JsonNode json = read(dir.resolve("target/sources.json"));
        assertThat(json.path("metadata").path("dbt_schema_version").asText())
                .isEqualTo("https://schemas.getdbt.com/dbt/sources/v3.json");
        assertThat(json.path("elapsed_time").asDouble()).isPositive();
        Map<String, JsonNode> entries = byId(json);
        assertThat(entries).containsOnlyKeys(RECENT, LATE, ANCIENT);
        assertThat(entries.get(RECENT).path("status").asText()).isEqualTo("pass");
        assertThat(entries.get(LATE).path("status").asText()).isEqualTo("warn");
        assertThat(entries.get(ANCIENT).path("status").asText()).isEqualTo("error");
        assertThat(entries.get(RECENT).path("max_loaded_at_time_ago_in_s").asDouble()).isCloseTo(3600, within(120.0));
        assertThat(entries.get(LATE).path("max_loaded_at_time_ago_in_s").asDouble()).isCloseTo(30 * 3600,
                within(120.0));
        assertThat(entries.get(ANCIENT).path("max_loaded_at_time_ago_in_s").asDouble()).isCloseTo(100 * 3600,
                within(120.0));
        JsonNode late = entries.get(LATE);
        assertThat(late.path("criteria").toString()).isEqualTo("{\"warn_after\":{\"count\":12,\"period\":\"hour\"},"
                + "\"error_after\":{\"count\":48,\"period\":\"hour\"},\"filter\":null}");
        Instant maxLoadedAt = Instant.parse(late.path("max_loaded_at").asText().replace("+00:00", "Z"));
        assertThat(maxLoadedAt).isCloseTo(Instant.now().minus(Duration.ofHours(30)), within(2, ChronoUnit.MINUTES));
        assertThat(late.path("snapshotted_at").asText()).endsWith("+00:00");
        assertThat(late.path("thread_id").asText()).startsWith("Thread-");
        assertThat(late.path("timing")).hasSize(2);
        assertThat(late.path("execution_time").asDouble()).isPositive();
        assertThat(dir.resolve("target/manifest.json")).exists();
    }

    @Test
    void warningsAloneDoNotFailAndSelectionNarrowsTheSources() throws Exception {
        TestProject project = project("");
        project.sluice().seed(project.options().build());

        RunResults results = project.sluice().freshness(project.options()
                .select(List.of("source:raw.recent source:raw.late")).build(), null);

        assertThat(statuses(results)).containsOnly(Map.entry(RECENT, NodeStatus.PASS),
                Map.entry(LATE, NodeStatus.WARN));
        assertThat(results.failed()).isFalse();
        assertThat(byId(read(dir.resolve("target/sources.json")))).containsOnlyKeys(RECENT, LATE);

        RunResults unchecked = project.sluice().freshness(project.options()
                .select(List.of("source:raw.unchecked")).build(), null);
        assertThat(unchecked.results()).isEmpty();
        assertThat(unchecked.failed()).isFalse();
        assertThat(read(dir.resolve("target/sources.json")).path("results")).isEmpty();
    }

    @Test
    void filtersTimestamptzTableOverridesAndHookCreatedTables() throws Exception {
        TestProject project = project("""
                  - name: other
                    schema: main
                    freshness:
                      warn_after: {count: 12, period: hour}
                      error_after: {count: 2, period: day}
                    tables:
                      - name: mixed
                        loaded_at_field: arrived
                        freshness:
                          filter: "kind = 'backfill'"
                      - name: zoned
                        loaded_at_field: loaded_at
                        freshness:
                          warn_after: {count: 1, period: minute}
                          error_after: {count: 3, period: day}
                      - name: hooked
                        loaded_at_field: "loaded_at - interval 20 hour"
                """)
                .write("dbt_project.yml", "name: fresh\nprofile: fresh\n"
                        + "on-run-start:\n  - \"create or replace table main.hooked as select now() as loaded_at\"\n"
                        + "seeds:\n  fresh:\n    +column_types: {loaded_at: timestamp}\n"
                        + "    zoned:\n      +column_types: {loaded_at: timestamptz}\n")
                .write("seeds/mixed.csv", "kind,arrived\nlive," + hoursAgo(1) + "\nbackfill," + hoursAgo(100) + "\n")
                .write("seeds/zoned.csv", "loaded_at\n" + Instant.now().minus(Duration.ofHours(5))
                        .atOffset(ZoneOffset.ofHours(9)).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "\n");
        project.sluice().seed(project.options().build());

        RunResults results = project.sluice().freshness(project.options().select(List.of("source:other")).build(),
                null);

        assertThat(statuses(results)).containsOnly(Map.entry("source.fresh.other.mixed", NodeStatus.ERROR),
                Map.entry("source.fresh.other.zoned", NodeStatus.WARN),
                Map.entry("source.fresh.other.hooked", NodeStatus.WARN));
        Map<String, JsonNode> entries = byId(read(dir.resolve("target/sources.json")));
        JsonNode mixed = entries.get("source.fresh.other.mixed");
        assertThat(mixed.path("criteria").path("filter").asText()).isEqualTo("kind = 'backfill'");
        assertThat(mixed.path("criteria").path("error_after").path("count").asInt()).isEqualTo(2);
        assertThat(mixed.path("criteria").path("error_after").path("period").asText()).isEqualTo("day");
        JsonNode zoned = entries.get("source.fresh.other.zoned");
        assertThat(zoned.path("max_loaded_at_time_ago_in_s").asDouble()).isCloseTo(5 * 3600, within(120.0));
        assertThat(zoned.path("criteria").path("warn_after").path("period").asText()).isEqualTo("minute");
        assertThat(entries.get("source.fresh.other.hooked").path("max_loaded_at_time_ago_in_s").asDouble())
                .isCloseTo(20 * 3600, within(120.0));
    }

    @Test
    void aFailingQueryIsARuntimeErrorForThatSourceOnly() throws Exception {
        TestProject project = project("""
                  - name: broken
                    schema: main
                    freshness:
                      error_after: {count: 1, period: day}
                    tables:
                      - name: missing_table
                        loaded_at_field: loaded_at
                      - name: bad_column
                        identifier: recent
                        loaded_at_field: no_such_column
                      - name: no_field
                        identifier: recent
                """);
        project.sluice().seed(project.options().build());

        RunResults results = project.sluice().freshness(project.options()
                .select(List.of("source:broken source:raw.recent")).build(), null);

        assertThat(statuses(results)).containsOnly(Map.entry(RECENT, NodeStatus.PASS),
                Map.entry("source.fresh.broken.missing_table", NodeStatus.RUNTIME_ERROR),
                Map.entry("source.fresh.broken.bad_column", NodeStatus.RUNTIME_ERROR),
                Map.entry("source.fresh.broken.no_field", NodeStatus.RUNTIME_ERROR));
        assertThat(results.failed()).isTrue();
        Map<String, NodeResult> byId = results.results().stream()
                .collect(Collectors.toMap(NodeResult::uniqueId, r -> r));
        assertThat(byId.get("source.fresh.broken.missing_table").message()).contains("missing_table");
        assertThat(byId.get("source.fresh.broken.bad_column").message()).contains("no_such_column");
        assertThat(byId.get("source.fresh.broken.no_field").message()).contains("loaded_at_field");
        JsonNode error = byId(read(dir.resolve("target/sources.json"))).get("source.fresh.broken.bad_column");
        assertThat(error.path("status").asText()).isEqualTo("runtime error");
        assertThat(error.path("error").asText()).contains("no_such_column");
        assertThat(error.has("max_loaded_at")).isFalse();
    }

    @Test
    void outputPathReplacesTargetSourcesJson() throws Exception {
        TestProject project = project("");
        project.sluice().seed(project.options().build());
        Path output = dir.resolve("elsewhere/fresh.json");

        project.sluice().freshness(project.options().select(List.of("source:raw.recent")).build(), output);

        assertThat(byId(read(output))).containsOnlyKeys(RECENT);
        assertThat(dir.resolve("target/sources.json")).doesNotExist();
    }

    @Test
    void sourceStatusFresherSelectsSourcesWithNewDataAndTheirChildren() throws Exception {
        TestProject project = project("");
        project.sluice().seed(project.options().build());
        project.sluice().freshness(project.options().build(), null);
        project.write("state/sources.json", java.nio.file.Files.readString(dir.resolve("target/sources.json")));

        project.write("seeds/recent.csv", seed(0.1));
        project.sluice().seed(project.options().build());
        project.sluice().freshness(project.options().build(), null);

        List<String> fresher = project.sluice().list(project.options().select(List.of("source_status:fresher+"))
                .statePath(Path.of("state")).build(), dev.sluice.core.api.ListOutput.SELECTOR, List.of());
        assertThat(fresher).containsExactlyInAnyOrder("source:fresh.raw.recent", "fresh.uses_recent");
        List<String> stale = project.sluice().list(project.options().select(List.of("source_status:stale"))
                .statePath(Path.of("state")).build(), dev.sluice.core.api.ListOutput.SELECTOR, List.of());
        assertThat(stale).containsExactlyInAnyOrder("source:fresh.raw.late", "source:fresh.raw.ancient");
    }
}
