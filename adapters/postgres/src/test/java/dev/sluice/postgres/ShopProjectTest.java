package dev.sluice.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.execute.RunResults;
import dev.sluice.testkit.TestProject;
import dev.sluice.testkit.postgres.SharedPostgres;
import dev.sluice.testkit.shop.ShopExpectations;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance: the jaffle_shop-equivalent project builds green on PostgreSQL, its models equal the plain-Java oracle,
 * and every relation it builds equals the DuckDB build's, row for row.
 */
class ShopProjectTest {
    @RegisterExtension
    static final SharedPostgres PG = new SharedPostgres();

    private static final List<String> RELATIONS = List.of("raw_customers", "raw_orders", "raw_payments",
            "stg_customers", "stg_orders", "stg_payments", "customers", "orders");

    @TempDir
    Path pgDir;

    @TempDir
    Path duckDir;

    @Test
    void buildsGreenAndEqualsTheOracleAndTheDuckDbBuild() throws Exception {
        String schema = PG.server().freshSchema("shop");
        TestProject onPostgres = TestProject.fromClasspath(ShopExpectations.CLASSPATH_PROJECT, pgDir)
                .write("profiles.yml", PG.server().profileYaml("shop", schema, 4));
        assertGreen(onPostgres.sluice().build(onPostgres.options().build()));
        TestProject onDuckDb = TestProject.fromClasspath(ShopExpectations.CLASSPATH_PROJECT, duckDir);
        assertGreen(onDuckDb.sluice().build(onDuckDb.options().build()));

        ShopExpectations oracle = ShopExpectations.fromSeedFolder(pgDir.resolve("seeds"));
        try (Connection postgres = PG.server().connect();
             Connection duckdb = DriverManager.getConnection("jdbc:duckdb:" + duckDir.resolve("shop.duckdb"))) {
            assertThat(rows(postgres, schema + ".customers", ShopExpectations.CUSTOMER_COLUMNS))
                    .isEqualTo(oracle.customers().stream().map(c -> normalize(c.values())).toList());
            assertThat(rows(postgres, schema + ".orders", ShopExpectations.ORDER_COLUMNS))
                    .isEqualTo(oracle.orders().stream().map(o -> normalize(o.values())).toList());
            for (String relation : RELATIONS) {
                List<String> columns = columns(duckdb, "main." + relation);
                assertThat(columns(postgres, schema + "." + relation)).as(relation).isEqualTo(columns);
                List<List<String>> expected = rows(duckdb, "main." + relation, columns);
                assertThat(expected).as(relation).isNotEmpty();
                assertThat(rows(postgres, schema + "." + relation, columns)).as(relation).isEqualTo(expected);
            }
        }
    }

    private static void assertGreen(RunResults results) {
        assertThat(results.results()).hasSize(ShopExpectations.NODE_COUNT);
        assertThat(results.results()).allSatisfy(r -> assertThat(r.status()).as(r.uniqueId() + ": " + r.message())
                .isIn(NodeStatus.SUCCESS, NodeStatus.PASS));
    }

    private static List<String> columns(Connection connection, String relation) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select * from " + relation + " limit 0")) {
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                names.add(rs.getMetaData().getColumnLabel(i));
            }
            return names;
        }
    }

    private static List<List<String>> rows(Connection connection, String relation, List<String> columns)
            throws SQLException {
        String list = String.join(", ", columns);
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select " + list + " from " + relation + " order by " + list)) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns.size(); i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(normalize(row));
            }
        }
        return rows;
    }

    /** Values by meaning: numbers by value, dates as ISO text, NULL as null. */
    private static List<String> normalize(List<?> values) {
        List<String> out = new ArrayList<>();
        for (Object value : values) {
            if (value == null) {
                out.add(null);
            } else if (value instanceof Number number) {
                out.add(new BigDecimal(number.toString()).stripTrailingZeros().toPlainString());
            } else if (value instanceof java.sql.Date date) {
                out.add(date.toLocalDate().toString());
            } else {
                out.add(value.toString());
            }
        }
        return out;
    }
}
