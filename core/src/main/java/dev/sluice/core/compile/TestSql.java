package dev.sluice.core.compile;

import dev.sluice.core.manifest.NodeConfig;

/** Wraps a test's failing-rows query into dbt's one-row verdict: failures, should_warn, should_error. */
public final class TestSql {
    private TestSql() {
    }

    public static String verdict(String testSql, NodeConfig config) {
        String failCalc = config.getString("fail_calc", "count(*)");
        String warnIf = config.getString("warn_if", "!= 0");
        String errorIf = config.getString("error_if", "!= 0");
        Object limit = config.get("limit");
        return "select\n    " + failCalc + " as failures,\n    " + failCalc + " " + warnIf + " as should_warn,\n    "
                + failCalc + " " + errorIf + " as should_error\nfrom (\n" + testSql.strip() + "\n"
                + (limit == null ? "" : "limit " + limit + "\n") + ") dbt_internal_test";
    }
}
