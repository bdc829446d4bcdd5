package dev.sluice.core.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PythonModelScannerTest {

    @Test
    void readsRefsSourcesAndConfigLiterals() {
        PythonModelScanner.Scan scan = PythonModelScanner.scan("""
                import pandas as pd

                def model(dbt, session):
                    dbt.config(materialized="incremental", unique_key=['id', "day"], tags=("a", 'b'),
                               meta={"owner": "ml", "tier": 2}, enabled=True, threshold=-0.5, extra=None,
                               packages=["scikit-learn==1.2", 'numpy'])
                    orders = dbt.ref("orders").to_pandas()
                    other = dbt.ref('pkg', 'customers')
                    raw = dbt.source("shop", 'payments').df()
                    again = dbt.ref("orders")
                    limit = dbt.config.get("limit", 10)
                    return orders
                """);
        assertThat(scan.refs()).containsExactly(List.of("orders"), List.of("pkg", "customers"));
        assertThat(scan.sources()).containsExactly(List.of("shop", "payments"));
        assertThat(scan.config()).containsEntry("materialized", "incremental")
                .containsEntry("unique_key", List.of("id", "day"))
                .containsEntry("tags", List.of("a", "b"))
                .containsEntry("meta", Map.of("owner", "ml", "tier", 2L))
                .containsEntry("enabled", true)
                .containsEntry("threshold", -0.5)
                .containsEntry("extra", null)
                .containsEntry("packages", List.of("scikit-learn==1.2", "numpy"))
                .doesNotContainKey("limit");
    }

    @Test
    void callsInsideStringsAndCommentsDoNotCount() {
        PythonModelScanner.Scan scan = PythonModelScanner.scan("""
                # dbt.ref("commented_out")
                NOTE = "dbt.ref('in_a_string')"
                DOC = '''
                    dbt.source("in", "docstring") and dbt.config(materialized="view")
                '''
                RAW = r"dbt.ref(\\"raw\\")"

                def model(dbt, session):
                    \"\"\"Reads dbt.ref("nothing") - only the call below counts.\"\"\"
                    text = "it's # not a comment"; frame = dbt.ref("real")  # dbt.ref("trailing")
                    return frame
                """);
        assertThat(scan.refs()).containsExactly(List.of("real"));
        assertThat(scan.sources()).isEmpty();
        assertThat(scan.config()).isEmpty();
    }

    @Test
    void adjacentStringsJoinAndEscapesDecode() {
        PythonModelScanner.Scan scan = PythonModelScanner.scan("""
                def model(dbt, session):
                    dbt.config(alias="daily_" "totals", comment='it\\'s "quoted"')
                    return dbt.ref(
                        "multi"
                        "_line"
                    ).to_pandas()
                """);
        assertThat(scan.refs()).containsExactly(List.of("multi_line"));
        assertThat(scan.config()).containsEntry("alias", "daily_totals").containsEntry("comment", "it's \"quoted\"");
    }

    @Test
    void otherObjectsNamedRefAreIgnored() {
        PythonModelScanner.Scan scan = PythonModelScanner.scan("""
                def model(dbt, session):
                    obj.dbt.ref("not_dbt")
                    mydbt.ref("nope")
                    return dbt.ref("yes").to_pandas()
                """);
        assertThat(scan.refs()).containsExactly(List.of("yes"));
    }

    @Test
    void nonLiteralArgumentsAreErrorsWithTheirLine() {
        assertThatThrownBy(() -> PythonModelScanner.scan("""
                def model(dbt, session):
                    name = "orders"
                    return dbt.ref(name)
                """)).isInstanceOf(PythonModelScanner.ScanError.class)
                .hasMessageContaining("only literal values")
                .satisfies(e -> assertThat(((PythonModelScanner.ScanError) e).line()).isEqualTo(3));
        assertThatThrownBy(() -> PythonModelScanner.scan("""
                def model(dbt, session):
                    dbt.config(materialized=f"{kind}")
                    return None
                """)).hasMessageContaining("f-strings");
        assertThatThrownBy(() -> PythonModelScanner.scan("""
                def model(dbt, session):
                    return dbt.source("only_one")
                """)).hasMessageContaining("source name and a table name");
    }

    @Test
    void exactlyOneModelFunction() {
        assertThatThrownBy(() -> PythonModelScanner.scan("def helper(dbt, session):\n    return 1\n"))
                .hasMessageContaining("exactly one model").hasMessageContaining("found 0");
        assertThatThrownBy(() -> PythonModelScanner.scan("x = 'unterminated\n"))
                .hasMessageContaining("unterminated string");
    }

    @Test
    void requiredModulesMapPipNamesToImports() {
        assertThat(PythonInterpreters.requiredModules(List.of("scikit-learn>=1.0", "numpy", "python-dateutil",
                "my-pkg[extra]")))
                .containsExactly("pandas", "sklearn", "numpy", "dateutil", "my_pkg");
    }
}
