package dev.sluice.postgres.python;

import dev.sluice.core.execute.RunResults;
import dev.sluice.testkit.TestProject;
import dev.sluice.testkit.postgres.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Helpers of the PostgreSQL Python model tests: a project on a fresh schema, rows through show, pandas run directly. */
final class PgPy {
    static final String PYTHON = "/usr/bin/python3";

    private PgPy() {
    }

    static TestProject project(EmbeddedPostgres server, Path dir, String name, String schema, int threads,
                               Map<String, String> files) {
        TestProject project = TestProject.at(dir)
                .write("dbt_project.yml", "name: " + name + "\nversion: '1.0'\nprofile: " + name + "\n")
                .write("profiles.yml", server.profileYaml(name, schema, threads));
        project.write(files);
        return project;
    }

    static List<String> lines(TestProject project, String sql) {
        return project.sluice().show(project.options().build(), sql, -1).preview().rows().stream()
                .map(row -> row.stream().map(String::valueOf).collect(Collectors.joining("|")))
                .toList();
    }

    static String summary(RunResults results) {
        return results.results().stream().map(r -> r.uniqueId() + "=" + r.status() + (r.message() == null ? ""
                : " (" + r.message() + ")")).collect(Collectors.joining("\n"));
    }

    /** Tables left beside the models: staged Python results or dbt's temporary relations. */
    static String leftovers(String schema) {
        return "select count(*) from pg_catalog.pg_tables where schemaname = '" + schema + "'"
                + " and (tablename like '%sluice_py%' or tablename like '%dbt_tmp%' or tablename like '%dbt_backup%')";
    }

    /** Runs a Python snippet with Debian's interpreter in {@code dir}; returns its stdout. */
    static String python(Path dir, String script) {
        try {
            Process process = new ProcessBuilder(PYTHON, "-c", script).directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("python failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
