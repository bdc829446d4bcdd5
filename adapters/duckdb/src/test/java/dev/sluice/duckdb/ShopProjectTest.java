package dev.sluice.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.execute.RunResults;
import dev.sluice.testkit.TestProject;
import dev.sluice.testkit.shop.ShopExpectations;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acceptance: the jaffle_shop-equivalent project builds green and its tables equal the independent oracle. */
class ShopProjectTest {
    @TempDir
    Path dir;

    @Test
    void buildPassesAll28NodesAndCustomersMatchTheOracle() throws Exception {
        TestProject project = TestProject.fromClasspath("projects/shop", dir);
        RunResults results = project.sluice().build(project.options().build());
        assertThat(results.results()).hasSize(28);
        assertThat(results.results()).allSatisfy(r -> assertThat(r.status())
                .as(r.uniqueId() + ": " + r.message()).isIn(NodeStatus.SUCCESS, NodeStatus.PASS));

        ShopExpectations oracle = ShopExpectations.fromSeedFolder(dir.resolve("seeds"));
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("shop.duckdb"));
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select * from main.customers order by customer_id")) {
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
            assertThat(rows).hasSize(100);
            List<List<String>> expected = oracle.customers().stream().map(c -> normalize(c.values())).toList();
            assertThat(rows.stream().map(ShopProjectTest::normalize).toList()).isEqualTo(expected);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("shop.duckdb"));
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select * from main.orders order by order_id")) {
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(normalize(row));
            }
            assertThat(rows).isEqualTo(oracle.orders().stream().map(o -> normalize(o.values())).toList());
        }
    }

    /** Compares values by meaning: numbers by value, dates by their ISO text, NULL as null. */
    private static List<String> normalize(List<?> values) {
        List<String> out = new ArrayList<>();
        for (Object value : values) {
            if (value == null) {
                out.add(null);
            } else if (value instanceof Number number) {
                out.add(new java.math.BigDecimal(number.toString()).stripTrailingZeros().toPlainString());
            } else if (value instanceof java.sql.Date date) {
                out.add(date.toLocalDate().toString());
            } else {
                out.add(value.toString());
            }
        }
        return out;
    }
}
