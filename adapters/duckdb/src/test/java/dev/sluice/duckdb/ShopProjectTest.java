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
            assertThat(rows.size()).isEqualTo(oracle.customers().size());
        }
    }
}
