package dev.sluice.core.materialize;

import dev.sluice.core.compile.CompiledNode;
import dev.sluice.core.compile.TestSql;
import dev.sluice.core.execute.NodeStatus;
import dev.sluice.spi.Adapter;
import dev.sluice.spi.QueryResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a test's verdict query and grades it: error_if true gives FAIL (WARN when severity is warn), warn_if true gives
 * WARN, otherwise PASS.
 */
public final class TestMaterialization {
    private TestMaterialization() {
    }

    public static String verdictSql(CompiledNode compiled) {
        return TestSql.verdict(compiled.compiledCode(), compiled.node().config);
    }

    public static Outcome run(CompiledNode compiled, Adapter adapter) {
        QueryResult result = adapter.query(verdictSql(compiled));
        List<Object> row = result.rows().isEmpty() ? List.of(0L, false, false) : result.rows().get(0);
        long failures = row.get(0) == null ? 0 : ((Number) row.get(0)).longValue();
        boolean shouldWarn = truthy(row.get(1));
        boolean shouldError = truthy(row.get(2));
        String severity = compiled.node().config.getString("severity", "ERROR").toUpperCase(Locale.ROOT);
        Map<String, Object> response = Map.of("_message", "OK", "code", "OK");
        if (severity.equals("ERROR") && shouldError) {
            return new Outcome(NodeStatus.FAIL, "Got " + failures + " result" + (failures == 1 ? "" : "s")
                    + ", configured to fail if " + compiled.node().config.getString("error_if", "!= 0"),
                    "FAIL " + failures, failures, response);
        }
        if (shouldWarn || (severity.equals("WARN") && shouldError)) {
            return new Outcome(NodeStatus.WARN, "Got " + failures + " result" + (failures == 1 ? "" : "s")
                    + ", configured to warn if " + compiled.node().config.getString("warn_if", "!= 0"),
                    "WARN " + failures, failures, response);
        }
        return new Outcome(NodeStatus.PASS, null, "PASS", failures, response);
    }

    private static boolean truthy(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.longValue() != 0;
        }
        return value != null && Boolean.parseBoolean(String.valueOf(value));
    }
}
