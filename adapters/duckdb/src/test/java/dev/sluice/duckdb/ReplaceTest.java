package dev.sluice.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.spi.AdapterException;
import dev.sluice.spi.Relation;
import dev.sluice.spi.RelationType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplaceTest {
    @TempDir
    Path dir;

    private DuckDbAdapter adapter;
    private final Relation orders = new Relation("memory", "analytics", "orders", RelationType.TABLE);

    @BeforeEach
    void open() {
        adapter = Duck.memory(2);
    }

    @AfterEach
    void close() {
        adapter.close();
    }

    private List<List<Object>> rows() {
        return adapter.query("select * from analytics.orders order by 1").rows();
    }

    private RelationType typeOf(Relation relation) {
        return adapter.getRelation(relation.database(), relation.schema(), relation.identifier()).orElseThrow().type();
    }

    @Test
    void createsTheSchemaWhenMissingAndBuildsATable() {
        assertThat(adapter.listRelations("memory", "analytics")).isEmpty();
        adapter.replace(orders, "select 1 as id, 'a' as name union all select 2, 'b'", RelationType.TABLE);
        assertThat(typeOf(orders)).isEqualTo(RelationType.TABLE);
        assertThat(rows()).containsExactly(List.of(1, "a"), List.of(2, "b"));
    }

    @Test
    void failingSelectLeavesThePreviousTableAndItsRows() {
        adapter.replace(orders, "select 1 as id union all select 2", RelationType.TABLE);

        assertThatThrownBy(() -> adapter.replace(orders, "select id from analytics.does_not_exist", RelationType.TABLE))
                .isInstanceOf(AdapterException.class)
                .hasMessageContaining("Catalog Error: Table with name does_not_exist does not exist!")
                .matches(e -> ((AdapterException) e).userError());
        assertThatThrownBy(() -> adapter.replace(orders, "select 'x'::integer as id", RelationType.TABLE))
                .hasMessageContaining("Conversion Error");
        assertThat(typeOf(orders)).isEqualTo(RelationType.TABLE);
        assertThat(rows()).containsExactly(List.of(1), List.of(2));
    }

    @Test
    void failingRuntimeErrorInTableBuildKeepsOldRows() {
        adapter.replace(orders, "select 1 as id union all select 2", RelationType.TABLE);
        assertThatThrownBy(() -> adapter.replace(orders,
                "select case when i < 1000 then i else error('boom at ' || i) end as id from range(2000) t(i)",
                RelationType.TABLE))
                .hasMessageContaining("boom at 1000");
        assertThat(rows()).containsExactly(List.of(1), List.of(2));
    }

    @Test
    void failingViewKeepsThePreviousView() {
        adapter.replace(orders, "select 42 as answer", RelationType.VIEW);
        assertThatThrownBy(() -> adapter.replace(orders, "select nope from nowhere", RelationType.VIEW))
                .isInstanceOf(AdapterException.class);
        assertThat(typeOf(orders)).isEqualTo(RelationType.VIEW);
        assertThat(rows()).containsExactly(List.of(42));
    }

    @Test
    void failedSwitchFromTableToViewKeepsTheTable() {
        adapter.replace(orders, "select 7 as id", RelationType.TABLE);
        assertThatThrownBy(() -> adapter.replace(orders, "select * from nowhere", RelationType.VIEW))
                .isInstanceOf(AdapterException.class);
        assertThat(typeOf(orders)).isEqualTo(RelationType.TABLE);
        assertThat(rows()).containsExactly(List.of(7));
    }

    @Test
    void switchesBetweenViewAndTableBothWays() {
        adapter.replace(orders, "select 1 as id", RelationType.VIEW);
        assertThat(typeOf(orders)).isEqualTo(RelationType.VIEW);

        adapter.replace(orders, "select 2 as id", RelationType.TABLE);
        assertThat(typeOf(orders)).isEqualTo(RelationType.TABLE);
        assertThat(rows()).containsExactly(List.of(2));

        adapter.replace(orders, "select 3 as id", RelationType.VIEW);
        assertThat(typeOf(orders)).isEqualTo(RelationType.VIEW);
        assertThat(rows()).containsExactly(List.of(3));
        assertThat(adapter.listRelations("memory", "analytics")).hasSize(1);
    }

    @Test
    void toleratesTrailingSemicolonsCommentsAndCtes() {
        adapter.replace(orders, "with x as (select 5 as id) select * from x -- trailing comment", RelationType.TABLE);
        assertThat(rows()).containsExactly(List.of(5));
        adapter.replace(orders, "select 6 as id;\n ; ", RelationType.VIEW);
        assertThat(rows()).containsExactly(List.of(6));
    }

    @Test
    void tableCanBeRebuiltFromItself() {
        adapter.replace(orders, "select * from range(5) t(id)", RelationType.TABLE);
        adapter.replace(orders, "select id * 10 as id from analytics.orders where id < 2", RelationType.TABLE);
        assertThat(rows()).containsExactly(List.of(0L), List.of(10L));
    }

    @Test
    void replacingWhileAnotherConnectionReadsInATransaction() throws Exception {
        Path file = dir.resolve("shared.duckdb");
        try (DuckDbAdapter onFile = Duck.file(file, 2)) {
            Relation target = new Relation("shared", "main", "t", RelationType.TABLE);
            onFile.replace(target, "select * from range(3) r(id)", RelationType.TABLE);

            // a second connection, held open mid-transaction, reading the old table
            try (Connection reader = DriverManager.getConnection("jdbc:duckdb:" + file);
                 Statement statement = reader.createStatement()) {
                reader.setAutoCommit(false);
                try (ResultSet rs = statement.executeQuery("select count(*) from main.t")) {
                    rs.next();
                    assertThat(rs.getLong(1)).isEqualTo(3);
                }

                onFile.replace(target, "select * from range(10) r(id)", RelationType.TABLE);

                try (ResultSet rs = statement.executeQuery("select count(*) from main.t")) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("the reader's snapshot still sees the old table").isEqualTo(3);
                }
                reader.commit();
                try (ResultSet rs = statement.executeQuery("select count(*) from main.t")) {
                    rs.next();
                    assertThat(rs.getLong(1)).isEqualTo(10);
                }
            }
            assertThat(onFile.query("select count(*) from main.t").rows()).containsExactly(List.of(10L));
        }
    }

    @Test
    void dropRelationAndSchema() {
        adapter.replace(orders, "select 1 as id", RelationType.TABLE);
        Relation view = orders.withIdentifier("orders_v").withType(RelationType.VIEW);
        adapter.replace(view, "select * from analytics.orders", RelationType.VIEW);

        adapter.dropRelation(view);
        assertThat(adapter.getRelation("memory", "analytics", "orders_v")).isEmpty();
        adapter.dropRelation(view);  // already gone: no error

        // the caller's idea of the type may be stale; the adapter drops what is there
        adapter.dropRelation(orders.withType(RelationType.VIEW));
        assertThat(adapter.getRelation("memory", "analytics", "orders")).isEmpty();

        adapter.replace(orders, "select 1 as id", RelationType.TABLE);
        adapter.dropSchema("memory", "analytics");
        assertThat(adapter.listRelations("memory", "analytics")).isEmpty();
        assertThat(adapter.query("select count(*) from information_schema.schemata where schema_name = 'analytics'")
                .rows()).containsExactly(List.of(0L));
    }
}
