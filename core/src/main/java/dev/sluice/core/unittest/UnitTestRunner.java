package dev.sluice.core.unittest;

import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.materialize.Outcome;
import dev.sluice.spi.Adapter;
import dev.sluice.spi.QueryResult;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs one unit test: compiles it, runs the model's SQL over the given rows, and compares the output with the
 * expected rows on the expected columns, in any order. PASS when they match; FAIL with a table of the differences.
 * Nothing is written to the warehouse.
 */
public final class UnitTestRunner {
    private final UnitTestCompiler compiler;
    private final Supplier<Adapter> adapter;

    public UnitTestRunner(UnitTestCompiler compiler, Supplier<Adapter> adapter) {
        this.compiler = compiler;
        this.adapter = adapter;
    }

    /** The compiled SQL and the verdict. */
    public record Result(UnitTestSql sql, Outcome outcome) {
    }

    public Result run(Node unitTest) {
        UnitTestSql sql = compiler.compile(unitTest);
        Adapter warehouse = adapter.get();
        QueryResult actual = warehouse.query(sql.code());
        ExpectedRows.Expected expected = ExpectedRows.of(unitTest.unitTest.expect(), actual, warehouse, sql.model().name,
                "expect of unit test '" + unitTest.name + "'");
        RowComparison.Result comparison = RowComparison.compare(expected.rows(),
                ExpectedRows.project(actual, expected.indexes()));
        Map<String, Object> response = Map.of("_message", "OK", "code", "OK");
        if (comparison.equal()) {
            return new Result(sql, new Outcome(NodeStatus.PASS, null, "PASS", 0L, response));
        }
        long differing = comparison.differing();
        return new Result(sql, new Outcome(NodeStatus.FAIL, DiffText.of(expected.columns(), comparison), "FAIL "
                + differing, differing, response));
    }
}
