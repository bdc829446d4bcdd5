package dev.sluice.duckdb.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.events.Event;
import dev.sluice.core.execute.NodeResult;
import dev.sluice.core.execute.RunResults;
import dev.sluice.testkit.TestProject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Shared helpers of the engine integration tests: a project in a folder, rows through show, artifacts. */
final class Fixture {
    private Fixture() {
    }

    /** A project named {@code name} whose dbt_project.yml is the header plus {@code extraYaml}, on a DuckDB file. */
    static TestProject project(Path dir, String name, String extraYaml, Map<String, String> files) {
        TestProject project = TestProject.at(dir)
                .write("dbt_project.yml", "name: " + name + "\nversion: '1.0'\nprofile: " + name + "\n" + extraYaml)
                .duckdbProfile(name, "main", 1);
        project.write(files);
        return project;
    }

    /** Rows of inline SQL, run through {@code show --inline} (so Jinja such as ref() works in it). */
    static List<List<Object>> rows(TestProject project, String sql) {
        return project.sluice().show(project.options().build(), sql, -1).preview().rows();
    }

    /** Rows as text, one "a|b|c" line per row, for compact assertions. */
    static List<String> lines(TestProject project, String sql) {
        return rows(project, sql).stream()
                .map(row -> row.stream().map(String::valueOf).collect(Collectors.joining("|")))
                .toList();
    }

    /** "schema.name type" of every relation the warehouse holds whose name is in {@code names}. */
    static List<String> relations(TestProject project, String... names) {
        String in = String.join(", ", java.util.Arrays.stream(names).map(n -> "'" + n + "'").toList());
        return lines(project, "select table_schema || '.' || table_name || ' ' || table_type from information_schema.tables"
                + " where table_name in (" + in + ") order by 1");
    }

    static NodeResult result(RunResults results, String uniqueId) {
        return results.results().stream().filter(r -> r.uniqueId().equals(uniqueId)).findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + uniqueId + " in "
                        + results.results().stream().map(NodeResult::uniqueId).toList()));
    }

    static NodeResult resultNamed(RunResults results, String prefix) {
        return results.results().stream().filter(r -> r.uniqueId().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no result starting with " + prefix + " in "
                        + results.results().stream().map(NodeResult::uniqueId).toList()));
    }

    static String read(TestProject project, String relative) {
        try {
            return Files.readString(project.dir().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(TestProject project, String relative) {
        try {
            return new ObjectMapper().readTree(project.dir().resolve(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> warnings(TestProject project) {
        List<String> out = new ArrayList<>();
        for (Event event : project.events().events()) {
            if (event instanceof Event.Message m && m.level() == Event.Level.WARN) {
                out.add(m.text());
            }
        }
        return out;
    }

    static String summary(RunResults results) {
        return results.results().stream().map(r -> r.uniqueId() + "=" + r.status() + (r.message() == null ? ""
                : " (" + r.message() + ")")).collect(Collectors.joining("\n"));
    }
}
