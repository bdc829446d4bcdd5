package dev.sluice.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.spi.Capability;
import dev.sluice.spi.Column;
import dev.sluice.spi.QueryResult;
import dev.sluice.spi.Relation;
import dev.sluice.spi.RelationType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CatalogTest {
    private DuckDbAdapter adapter;

    @BeforeEach
    void open() {
        adapter = Duck.memory(1);
        adapter.createSchema("memory", "Sales");
        adapter.execute("create table \"Sales\".orders (id integer, amount decimal(12,2), placed date, note varchar);"
                + "create view \"Sales\".big_orders as select * from \"Sales\".orders where amount > 100;"
                + "insert into \"Sales\".orders select i, i * 1.5, date '2024-01-01' + i::integer, 'n' || i from range(10) t(i)");
    }

    @AfterEach
    void close() {
        adapter.close();
    }

    @Test
    void listsTablesAndViewsOfOneSchema() {
        assertThat(adapter.listRelations("memory", "sales")).containsExactly(
                new Relation("memory", "sales", "big_orders", RelationType.VIEW),
                new Relation("memory", "sales", "orders", RelationType.TABLE));
        assertThat(adapter.listRelations("memory", "no_such_schema")).isEmpty();
        assertThat(adapter.listRelations(null, "Sales")).hasSize(2);
    }

    @Test
    void getRelationIgnoresCase() {
        assertThat(adapter.getRelation("MEMORY", "SALES", "ORDERS")).get()
                .extracting(Relation::identifier, Relation::type).containsExactly("orders", RelationType.TABLE);
        assertThat(adapter.getRelation("memory", "sales", "Big_Orders")).get()
                .extracting(Relation::type).isEqualTo(RelationType.VIEW);
        assertThat(adapter.getRelation("memory", "sales", "missing")).isEmpty();
    }

    @Test
    void columnsInOrderWithTypes() {
        List<Column> columns = adapter.columnsOf(new Relation("memory", "sales", "ORDERS", RelationType.TABLE));
        assertThat(columns).extracting(Column::name).containsExactly("id", "amount", "placed", "note");
        assertThat(columns).extracting(Column::dataType)
                .containsExactly("INTEGER", "DECIMAL(12,2)", "DATE", "VARCHAR");
        assertThat(columns).extracting(Column::index).containsExactly(1, 2, 3, 4);
        assertThat(adapter.columnsOf(new Relation("memory", "sales", "big_orders", RelationType.VIEW)))
                .extracting(Column::name).containsExactly("id", "amount", "placed", "note");
        assertThat(adapter.columnsOf(new Relation("memory", "sales", "missing", RelationType.TABLE))).isEmpty();
    }

    @Test
    void columnCommentsAreReported() {
        adapter.execute("comment on column \"Sales\".orders.note is 'free text'");
        assertThat(adapter.columnsOf(new Relation("memory", "Sales", "orders", RelationType.TABLE)).get(3).comment())
                .isEqualTo("free text");
    }

    @Test
    void queryHonoursTheLimit() {
        QueryResult result = adapter.query("select id from \"Sales\".orders order by id", 3);
        assertThat(result.rows()).containsExactly(List.of(0), List.of(1), List.of(2));
        assertThat(adapter.query("select id from \"Sales\".orders", -1).size()).isEqualTo(10);
        assertThat(adapter.query("select id from \"Sales\".orders", 0).size()).isZero();
        assertThat(adapter.query("select id from \"Sales\".orders").columns())
                .containsExactly(new Column("id", "INTEGER", 1, null));
    }

    @Test
    void statementsWithoutResultsGiveAnEmptyResult() {
        QueryResult result = adapter.query("create table t (x int)");
        assertThat(result.columns()).isEmpty();
        assertThat(result.rows()).isEmpty();
    }

    @Test
    void valueTypesAreDocumentedPlainJava() {
        QueryResult result = adapter.query("select date '2024-02-29' d, timestamp '2024-02-29 13:14:15.123456' ts,"
                + " timestamptz '2024-02-29 13:14:15+00' tstz, 12.50::decimal(10,2) dec, true b, 3000000000::bigint bi,"
                + " 170141183460469231731687303715884105727::hugeint hi, 7::integer i, 1.5::double dbl, time '10:11:12' t,"
                + " 'x' s, [1, 2] l, {'k': 'v'} st, '00000000-0000-0000-0000-000000000001'::uuid u, null::integer n,"
                + " '\\x41\\x42'::blob bl");
        assertThat(result.columns()).extracting(Column::dataType).containsExactly("DATE", "TIMESTAMP",
                "TIMESTAMP WITH TIME ZONE", "DECIMAL(10,2)", "BOOLEAN", "BIGINT", "HUGEINT", "INTEGER", "DOUBLE", "TIME",
                "VARCHAR", "INTEGER[]", "STRUCT(k VARCHAR)", "UUID", "INTEGER", "BLOB");
        List<Object> row = result.rows().get(0);
        assertThat(row.get(0)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(row.get(1)).isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 14, 15, 123_456_000));
        assertThat(row.get(2)).isInstanceOf(OffsetDateTime.class);
        assertThat(((OffsetDateTime) row.get(2)).toInstant())
                .isEqualTo(OffsetDateTime.parse("2024-02-29T13:14:15Z").toInstant());
        assertThat(row.get(3)).isEqualTo(new BigDecimal("12.50"));
        assertThat(row.get(4)).isEqualTo(Boolean.TRUE);
        assertThat(row.get(5)).isEqualTo(3_000_000_000L);
        assertThat(row.get(6)).isEqualTo(new BigInteger("170141183460469231731687303715884105727"));
        assertThat(row.get(7)).isEqualTo(7);
        assertThat(row.get(8)).isEqualTo(1.5);
        assertThat(row.get(9)).isEqualTo(LocalTime.of(10, 11, 12));
        assertThat(row.get(10)).isEqualTo("x");
        assertThat(row.get(11)).isEqualTo(List.of(1, 2));
        assertThat(row.get(12)).isEqualTo(Map.of("k", "v"));
        assertThat(row.get(13)).isEqualTo(UUID.fromString("00000000-0000-0000-0000-000000000001"));
        assertThat(row.get(14)).isNull();
        assertThat((byte[]) row.get(15)).containsExactly('A', 'B');
    }

    @Test
    void mergeIsSupported() {
        assertThat(adapter.capabilities()).contains(Capability.MERGE, Capability.BULK_CSV_LOAD,
                Capability.TRANSACTIONAL_DDL, Capability.VIEWS, Capability.CONCURRENT_CONNECTIONS);
        adapter.execute("merge into \"Sales\".orders o using (select 1 as id, 99.0 as amount union all select 50, 1.0) s"
                + " on o.id = s.id when matched then update set amount = s.amount"
                + " when not matched then insert (id, amount) values (s.id, s.amount)");
        assertThat(adapter.query("select id, amount from \"Sales\".orders where id in (1, 50) order by id").rows())
                .containsExactly(List.of(1, new BigDecimal("99.00")), List.of(50, new BigDecimal("1.00")));
    }

    @Test
    void defaultDatabaseInMemory() {
        assertThat(adapter.defaultDatabase()).isEqualTo("memory");
        assertThat(adapter.type()).isEqualTo("duckdb");
        assertThat(adapter.dialect().render(new Relation("memory", "main", "we\"ird", RelationType.TABLE)))
                .isEqualTo("\"memory\".\"main\".\"we\"\"ird\"");
    }

    @Test
    void catalogOfOneSchemaInOneListing() {
        adapter.execute("comment on table \"Sales\".orders is 'all orders'; comment on column \"Sales\".orders.note is 'free text'");
        List<dev.sluice.spi.CatalogEntry> entries = adapter.catalog("memory", "sales");
        assertThat(entries).extracting(e -> e.relation().identifier()).containsExactly("big_orders", "orders");
        dev.sluice.spi.CatalogEntry orders = entries.get(1);
        assertThat(orders.relation().type()).isEqualTo(RelationType.TABLE);
        assertThat(orders.comment()).isEqualTo("all orders");
        assertThat(orders.rowCount()).isEqualTo(10L);
        assertThat(orders.columns()).extracting(Column::name, Column::dataType, Column::index).containsExactly(
                org.assertj.core.groups.Tuple.tuple("id", "INTEGER", 1),
                org.assertj.core.groups.Tuple.tuple("amount", "DECIMAL(12,2)", 2),
                org.assertj.core.groups.Tuple.tuple("placed", "DATE", 3),
                org.assertj.core.groups.Tuple.tuple("note", "VARCHAR", 4));
        assertThat(orders.columns().get(3).comment()).isEqualTo("free text");
        dev.sluice.spi.CatalogEntry view = entries.get(0);
        assertThat(view.relation().type()).isEqualTo(RelationType.VIEW);
        assertThat(view.rowCount()).isNull();
        assertThat(view.columns()).hasSize(4);
        assertThat(adapter.catalog("memory", "no_such_schema")).isEmpty();
    }
}
