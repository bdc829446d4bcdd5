package dev.sluice.duckdb.python;

import static dev.sluice.duckdb.python.Py.lines;
import static dev.sluice.duckdb.python.Py.rows;
import static dev.sluice.duckdb.python.Py.summary;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.execute.NodeResult;
import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.execute.RunResults;
import dev.sluice.testkit.TestProject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQL -> Python -> SQL: pandas aggregates (groupby, describe, rolling means) and a scikit-learn classifier trained in
 * one Python model and applied in another, with YAML tests on the Python models, checked against pandas run directly.
 */
class PipelineTest {
    @TempDir
    Path dir;

    /** The observations, in SQL and (for the expected values) in Python: the same doubles either way. */
    private static final String OBSERVATIONS_SQL = """
            select i as id, i % 5 as grp,
                   ((i * 37) % 101)::double / 10 as x1,
                   ((i * 53) % 89)::double / 10 as x2,
                   case when ((i * 37) % 101)::double / 10 + ((i * 11) % 7)::double / 4
                             > ((i * 53) % 89)::double / 10 then 1 else 0 end as label
            from range(1, 401) t(i)
            """;
    private static final String OBSERVATIONS_PY = """
            import pandas as pd
            ids = list(range(1, 401))
            obs = pd.DataFrame({"id": ids, "grp": [i % 5 for i in ids],
                                "x1": [((i * 37) % 101) / 10 for i in ids], "x2": [((i * 53) % 89) / 10 for i in ids]})
            obs["label"] = [1 if ((i * 37) % 101) / 10 + ((i * 11) % 7) / 4 > ((i * 53) % 89) / 10 else 0 for i in ids]
            """;

    private TestProject project() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("models/observations.sql", "{{ config(materialized='table') }}\n" + OBSERVATIONS_SQL);
        files.put("models/group_stats.py", """
                # per-group description of x1, as pandas' describe() names it (count, mean, std, min, 25%, ...)
                def model(dbt, session):
                    dbt.config(materialized="table", tags=["features"])
                    obs = dbt.ref("observations").to_pandas()
                    stats = obs.groupby("grp")["x1"].describe().reset_index()
                    stats["grp"] = stats["grp"].astype("int64")
                    return stats
                """);
        files.put("models/rolling_x1.py", """
                def model(dbt, session):
                    obs = dbt.ref("observations").df().sort_values("id")
                    obs["x1_rolling5"] = obs["x1"].rolling(5).mean()
                    return obs[["id", "x1", "x1_rolling5"]]
                """);
        files.put("models/train_classifier.py", """
                import base64
                import pickle

                from sklearn.linear_model import LogisticRegression

                def model(dbt, session):
                    dbt.config(materialized="table", packages=["scikit-learn", "pandas"])
                    obs = dbt.ref("observations").to_pandas()
                    train = obs[obs["id"] % 4 != 0]
                    clf = LogisticRegression(random_state=0).fit(train[["x1", "x2"]], train["label"])
                    import pandas as pd
                    return pd.DataFrame({"model": [base64.b64encode(pickle.dumps(clf)).decode("ascii")],
                                         "trained_rows": [len(train)],
                                         "train_accuracy": [clf.score(train[["x1", "x2"]], train["label"])]})
                """);
        files.put("models/predictions.py", """
                import base64
                import pickle

                def model(dbt, session):
                    dbt.config(packages=["scikit-learn"])
                    stored = dbt.ref("train_classifier").to_pandas()
                    clf = pickle.loads(base64.b64decode(stored["model"][0]))
                    obs = dbt.ref("observations").to_pandas()
                    test = obs[obs["id"] % 4 == 0].copy()
                    test["prediction"] = clf.predict(test[["x1", "x2"]])
                    test["probability"] = clf.predict_proba(test[["x1", "x2"]])[:, 1]
                    return test[["id", "label", "prediction", "probability"]]
                """);
        files.put("models/accuracy.sql", """
                {{ config(materialized='table') }}
                select count(*) as scored, sum(case when label = prediction then 1 else 0 end) as correct
                from {{ ref('predictions') }}
                """);
        files.put("models/schema.yml", """
                version: 2
                models:
                  - name: group_stats
                    description: "x1 described per group"
                    columns:
                      - name: grp
                        tests: [unique, not_null]
                      - name: mean
                        tests: [not_null]
                  - name: predictions
                    config:
                      tags: ["ml"]
                    columns:
                      - name: id
                        tests: [unique, not_null]
                      - name: prediction
                        tests:
                          - not_null
                          - accepted_values:
                              values: [0, 1]
                              quote: false
                """);
        return Py.project(dir, "pipeline", 4, files);
    }

    @Test
    void sqlPythonSqlPipelineBuildsAndMatchesPandasRunDirectly() throws Exception {
        TestProject project = project();
        RunResults results = project.sluice().build(project.options().build());
        assertThat(results.failed()).as(summary(results)).isFalse();
        assertThat(results.results().stream().filter(r -> r.uniqueId().startsWith("test.")).count()).isEqualTo(7);
        assertThat(results.results()).allSatisfy(r -> assertThat(r.status()).isIn(NodeStatus.SUCCESS, NodeStatus.PASS));

        JsonNode expected = new ObjectMapper().readTree(Py.python(dir, OBSERVATIONS_PY + """
                import base64, json, pickle
                from sklearn.linear_model import LogisticRegression
                stats = obs.groupby("grp")["x1"].describe().reset_index()
                roll = obs.sort_values("id")["x1"].rolling(5).mean()
                train = obs[obs["id"] % 4 != 0]
                clf = LogisticRegression(random_state=0).fit(train[["x1", "x2"]], train["label"])
                test = obs[obs["id"] % 4 == 0]
                print(json.dumps({
                    "stats": [[repr(v) for v in row] for row in stats.itertuples(index=False)],
                    "rolling": [None if v != v else repr(v) for v in roll],
                    "predictions": [int(p) for p in clf.predict(test[["x1", "x2"]])],
                    "probabilities": [repr(p) for p in clf.predict_proba(test[["x1", "x2"]])[:, 1]],
                }))
                """));

        List<List<Object>> stats = rows(project, "select grp, \"count\", mean, std, \"min\", \"25%\", \"50%\", \"75%\","
                + " \"max\" from {{ ref('group_stats') }} order by grp");
        assertThat(stats).hasSize(5);
        for (int g = 0; g < 5; g++) {
            JsonNode row = expected.get("stats").get(g);
            assertThat(((Number) stats.get(g).get(0)).longValue()).isEqualTo(Long.parseLong(row.get(0).asText().replace(".0", "")));
            for (int c = 1; c < 9; c++) {
                assertThat(((Number) stats.get(g).get(c)).doubleValue()).as("group %d column %d", g, c)
                        .isEqualTo(Double.parseDouble(row.get(c).asText()));
            }
        }

        List<List<Object>> rolling = rows(project, "select x1_rolling5 from {{ ref('rolling_x1') }} order by id");
        assertThat(rolling).hasSize(400);
        for (int i = 0; i < 400; i++) {
            JsonNode value = expected.get("rolling").get(i);
            Object actual = rolling.get(i).get(0);
            if (value.isNull()) {
                assertThat(actual).as("row %d", i).isNull();
            } else {
                assertThat(((Number) actual).doubleValue()).as("row %d", i).isEqualTo(Double.parseDouble(value.asText()));
            }
        }

        List<Integer> predictions = new ArrayList<>();
        rows(project, "select prediction from {{ ref('predictions') }} order by id")
                .forEach(r -> predictions.add(((Number) r.get(0)).intValue()));
        List<Integer> expectedPredictions = new ArrayList<>();
        expected.get("predictions").forEach(p -> expectedPredictions.add(p.asInt()));
        assertThat(predictions).hasSize(100).isEqualTo(expectedPredictions);
        List<Double> probabilities = new ArrayList<>();
        rows(project, "select probability from {{ ref('predictions') }} order by id")
                .forEach(r -> probabilities.add(((Number) r.get(0)).doubleValue()));
        List<Double> expectedProbabilities = new ArrayList<>();
        expected.get("probabilities").forEach(p -> expectedProbabilities.add(Double.parseDouble(p.asText())));
        assertThat(probabilities).isEqualTo(expectedProbabilities);

        long correct = 0;
        JsonNode exp = expected.get("predictions");
        List<List<Object>> labels = rows(project, "select label from {{ ref('observations') }} where id % 4 = 0 order by id");
        for (int i = 0; i < 100; i++) {
            correct += ((Number) labels.get(i).get(0)).intValue() == exp.get(i).asInt() ? 1 : 0;
        }
        assertThat(lines(project, "select scored, correct from {{ ref('accuracy') }}")).containsExactly("100|" + correct);
        assertThat(correct).isGreaterThan(70);
    }

    @Test
    void staticParseFeedsLsSelectionAndCompileWithoutRunningPython() {
        TestProject project = project();
        List<String> listed = project.sluice().list(project.options().select(List.of("+predictions")).build(),
                dev.sluice.core.api.ListOutput.SELECTOR, List.of());
        assertThat(listed).contains("pipeline.observations", "pipeline.train_classifier", "pipeline.predictions")
                .doesNotContain("pipeline.group_stats", "pipeline.accuracy");
        assertThat(project.sluice().list(project.options().select(List.of("tag:features"))
                .resourceTypes(List.of("model")).build(),
                dev.sluice.core.api.ListOutput.SELECTOR, List.of())).containsExactly("pipeline.group_stats");
        assertThat(project.sluice().list(project.options().select(List.of("tag:ml,config.materialized:table"))
                .resourceTypes(List.of("model")).build(), dev.sluice.core.api.ListOutput.SELECTOR, List.of()))
                .containsExactly("pipeline.predictions");
        Map<String, String> compiled = project.sluice().compile(project.options().select(List.of("predictions")).build());
        assertThat(compiled.values()).anySatisfy(code -> assertThat(code)
                .contains("def model(dbt, session):", "# ref:train_classifier -> ", "train_classifier\"")
                .contains("# this -> "));
    }
}
