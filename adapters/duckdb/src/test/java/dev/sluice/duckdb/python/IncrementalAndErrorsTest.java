package dev.sluice.duckdb.python;

import static dev.sluice.duckdb.python.Py.lines;
import static dev.sluice.duckdb.python.Py.result;
import static dev.sluice.duckdb.python.Py.summary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.events.Event;
import dev.sluice.core.execute.NodeResult;
import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.execute.RunResults;
import dev.sluice.core.python.PythonInterpreters;
import dev.sluice.testkit.TestProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Incremental Python models, parallel runs, and the errors a user sees. */
class IncrementalAndErrorsTest {
    @TempDir
    Path dir;

    private static final String EVENTS_SQL = """
            {{ config(materialized='table') }}
            select i as id, 'event ' || i as name, timestamp '2024-01-01' + to_days(i::integer) as at
            from range(1, {{ var('upto', 1) }} + 1) t(i)
            """;

    private static final String INCREMENTAL_PY = """
            def model(dbt, session):
                dbt.config(materialized="incremental", unique_key="id")
                events = dbt.ref("events").to_pandas()
                if dbt.is_incremental:
                    seen = session.sql(f"select max(id) as top from {dbt.this}").to_pandas()["top"][0]
                    events = events[events["id"] > seen]
                events["batch"] = dbt.config.get("batch_name")
                events["rows_in_batch"] = len(events)
                return events
            """;

    @Test
    void incrementalPythonModelAddsOnlyNewRowsOnTheSecondRun() {
        TestProject project = Py.project(dir, "incr", 1, Map.of(
                "models/events.sql", EVENTS_SQL,
                "models/events_py.py", INCREMENTAL_PY,
                "models/schema.yml", """
                        version: 2
                        models:
                          - name: events_py
                            config:
                              batch_name: nightly
                            columns:
                              - name: id
                                tests: [unique, not_null]
                        """));
        RunResults first = project.sluice().build(project.options().vars(Map.of("upto", 5)).build());
        assertThat(first.failed()).as(summary(first)).isFalse();
        assertThat(lines(project, "select count(*), max(rows_in_batch), min(batch) from {{ ref('events_py') }}"))
                .containsExactly("5|5|nightly");

        RunResults second = project.sluice().build(project.options().vars(Map.of("upto", 8)).build());
        assertThat(second.failed()).as(summary(second)).isFalse();
        assertThat(lines(project, "select rows_in_batch, count(*), min(id), max(id) from {{ ref('events_py') }}"
                + " group by 1 order by 1")).containsExactly("3|3|6|8", "5|5|1|5");
        assertThat(lines(project, "select count(*) from information_schema.tables where table_name like '%dbt_tmp%'"))
                .containsExactly("0");

        RunResults full = project.sluice().run(project.options().vars(Map.of("upto", 8)).fullRefresh(true)
                .select(List.of("events_py")).build());
        assertThat(full.failed()).as(summary(full)).isFalse();
        assertThat(lines(project, "select count(*), max(rows_in_batch) from {{ ref('events_py') }}"))
                .containsExactly("8|8");
    }

    @Test
    void anExceptionNamesModelFileAndLineWithTheTracebackAndLeavesTheOldTable() throws Exception {
        TestProject project = Py.project(dir, "errs", 1, Map.of(
                "models/events.sql", EVENTS_SQL,
                "models/scored.py", """
                        def helper(frame):
                            return frame["id"] * 2

                        def model(dbt, session):
                            frame = dbt.ref("events").to_pandas()
                            frame["double"] = helper(frame)
                            return frame
                        """));
        assertThat(project.sluice().build(project.options().vars(Map.of("upto", 3)).build()).failed()).isFalse();

        project.write("models/scored.py", """
                def helper(frame):
                    return frame["no_such_column"] * 2

                def model(dbt, session):
                    frame = dbt.ref("events").to_pandas()
                    frame["double"] = helper(frame)
                    return frame
                """);
        RunResults results = project.sluice().run(project.options().vars(Map.of("upto", 3)).build());
        NodeResult failed = result(results, "model.errs.scored");
        assertThat(failed.status()).isEqualTo(NodeStatus.ERROR);
        String file = dir.resolve("models/scored.py").toString();
        assertThat(failed.message()).contains("model errs.scored", file + ", line 2", "KeyError", "no_such_column",
                "Traceback (most recent call last)", "line 6, in model", "line 2, in helper")
                .doesNotContain("sluice_runner.py");
        // the table of the successful run is still there, whole
        assertThat(lines(project, "select count(*), sum(double) from {{ ref('scored') }}")).containsExactly("3|12");

        project.write("models/scored.py", """
                def model(dbt, session):
                    return "not a frame"
                """);
        NodeResult notAFrame = result(project.sluice().run(project.options().vars(Map.of("upto", 3)).build()),
                "model.errs.scored");
        assertThat(notAFrame.message()).contains("must return a pandas DataFrame, not str");
    }

    @Test
    void aMissingPackageSaysWhichAndHowToInstallIt() {
        TestProject project = Py.project(dir, "pkgs", 1, Map.of(
                "models/needs.py", """
                        def model(dbt, session):
                            dbt.config(packages=["scikit-learn", "sluice-no-such-package==1.0"])
                            import pandas as pd
                            return pd.DataFrame({"a": [1]})
                        """));
        RunResults results = project.sluice().run(project.options().build());
        NodeResult failed = result(results, "model.pkgs.needs");
        assertThat(failed.status()).isEqualTo(NodeStatus.ERROR);
        assertThat(failed.message()).contains("model pkgs.needs", "/usr/bin/python3", "no module sluice_no_such_package",
                "apt-get install python3-sluice_no_such_package", "pip install sluice_no_such_package", "SLUICE_PYTHON");
    }

    @Test
    void anInterpreterWithoutPandasIsPassedOverAndNamedWhenNoneHasIt() throws Exception {
        // Debian's python3 with -S cannot see dist-packages: a real interpreter without pandas
        Path bare = dir.resolve("bare-python");
        Files.writeString(bare, "#!/bin/sh\nexec /usr/bin/python3 -S \"$@\"\n");
        Files.setPosixFilePermissions(bare, PosixFilePermissions.fromString("rwxr-xr-x"));
        PythonInterpreters onlyBare = new PythonInterpreters(name -> null, text -> { }, List.of(bare.toString()));
        assertThatThrownBy(() -> onlyBare.find(null, List.of("pandas", "sklearn"), "model x.y", "models/y.py"))
                .isInstanceOf(SluiceException.class)
                .hasMessageContaining(bare + " (Python 3.")
                .hasMessageContaining("no module pandas, sklearn")
                .hasMessageContaining("apt-get install python3-pandas python3-sklearn")
                .hasMessageContaining("pip install pandas scikit-learn");

        List<String> announced = new java.util.ArrayList<>();
        PythonInterpreters fallback = new PythonInterpreters(name -> name.equals("SLUICE_PYTHON") ? bare.toString() : null,
                announced::add, List.of("/usr/bin/python3"));
        assertThat(fallback.find(null, List.of("pandas"), "model x.y", "models/y.py").path()).isEqualTo("/usr/bin/python3");
        assertThat(announced).singleElement().asString().startsWith("Python models run with /usr/bin/python3 (Python 3.")
                .contains("pandas 1.");
    }

    @Test
    void threadsRunIndependentPythonModelsInParallel() {
        Map<String, String> files = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            files.put("models/slow_" + i + ".py", """
                    import os, time
                    import pandas as pd

                    def model(dbt, session):
                        started = time.time()
                        time.sleep(2)
                        return pd.DataFrame({"pid": [os.getpid()], "started": [started], "ended": [time.time()]})
                    """);
        }
        TestProject project = Py.project(dir, "par", 3, files);
        RunResults results = project.sluice().run(project.options().build());
        assertThat(results.failed()).as(summary(results)).isFalse();
        List<String> spans = lines(project, """
                select count(distinct pid), max(started) < min(ended) from (
                  select * from {{ ref('slow_0') }} union all select * from {{ ref('slow_1') }}
                  union all select * from {{ ref('slow_2') }})""");
        assertThat(spans).containsExactly("3|true");
        assertThat(project.events().events()).filteredOn(e -> e instanceof Event.Message m
                && m.text().startsWith("Python models run with ")).hasSize(1);
    }
}
