package dev.sluice.core.graph.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.manifest.SourceDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** source_status: against real sources.json files written in dbt's v3 shape (including dbt's runtime-error form). */
class SourceStatusMethodTest {
    @TempDir
    Path dir;
    private MethodScope scope;

    @BeforeEach
    void scope() {
        List<Selectable> candidates = new ArrayList<>();
        for (String table : List.of("a", "b", "c", "d", "e", "f")) {
            candidates.add(Selectable.of(new SourceDefinition("source.p.raw." + table, "p", "raw", table,
                    "models/sources.yml", List.of("p", "raw", table))));
        }
        scope = new MethodScope("p", candidates);
    }

    private static String result(String table, String status, String loaded) {
        return "{\"unique_id\":\"source.p.raw." + table + "\",\"max_loaded_at\":\"" + loaded
                + "\",\"snapshotted_at\":\"2024-05-02T00:00:00+00:00\",\"max_loaded_at_time_ago_in_s\":1.0,"
                + "\"status\":\"" + status + "\"}";
    }

    private static String error(String table) {
        return "{\"unique_id\":\"source.p.raw." + table + "\",\"error\":\"boom\",\"status\":\"runtime error\"}";
    }

    private Path file(String name, String... results) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, "{\"metadata\":{},\"results\":[" + String.join(",", results) + "],\"elapsed_time\":1}");
        return file;
    }

    private SourceStatusMethod method() throws Exception {
        Path previous = file("previous.json",
                result("a", "pass", "2024-05-01T10:00:00+00:00"),
                result("b", "warn", "2024-05-01T10:00:00+00:00"),
                result("c", "pass", "2024-05-01T10:00:00+00:00"),
                error("d"));
        Path current = file("current.json",
                result("a", "pass", "2024-05-01T11:00:00+00:00"),   // newer data
                result("b", "warn", "2024-05-01T10:00:00+00:00"),   // unchanged
                error("c"),                                          // now failing
                result("d", "error", "2024-05-01T12:00:00+00:00"),  // failed before
                result("e", "pass", "2024-05-01T12:00:00"));        // not checked before
        return new SourceStatusMethod(previous, current);
    }

    @Test
    void fresherIsNewerDataOrNewlyCheckedWithoutRuntimeErrors() throws Exception {
        assertThat(method().search(scope, List.of(), "fresher"))
                .containsExactlyInAnyOrder("source.p.raw.a", "source.p.raw.e");
    }

    @Test
    void staleAndCurrentStatuses() throws Exception {
        SourceStatusMethod method = method();
        assertThat(method.search(scope, List.of(), "stale")).containsExactly("source.p.raw.b");
        assertThat(method.search(scope, List.of(), "pass")).containsExactlyInAnyOrder("source.p.raw.a",
                "source.p.raw.e");
        assertThat(method.search(scope, List.of(), "warn")).containsExactly("source.p.raw.b");
        assertThat(method.search(scope, List.of(), "error")).containsExactlyInAnyOrder("source.p.raw.c",
                "source.p.raw.d");
    }

    @Test
    void missingFilesAndUnknownValuesAreSelectionErrors() throws Exception {
        Path current = file("current.json", result("a", "pass", "2024-05-01T11:00:00+00:00"));
        SourceStatusMethod noPrevious = new SourceStatusMethod(dir.resolve("nope/sources.json"), current);
        assertThatThrownBy(() -> noPrevious.search(scope, List.of(), "fresher")).isInstanceOf(SluiceException.class)
                .hasMessageContaining("previous").hasMessageContaining("--state");
        SourceStatusMethod noCurrent = new SourceStatusMethod(current, dir.resolve("target/sources.json"));
        assertThatThrownBy(() -> noCurrent.search(scope, List.of(), "fresher")).isInstanceOf(SluiceException.class)
                .hasMessageContaining("source freshness");
        assertThatThrownBy(() -> method().search(scope, List.of(), "newer")).isInstanceOf(SluiceException.class)
                .hasMessageContaining("fresher, stale");
    }
}
