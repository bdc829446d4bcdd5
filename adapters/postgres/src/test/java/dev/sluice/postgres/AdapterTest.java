package dev.sluice.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.spi.AdapterException;
import dev.sluice.spi.Capability;
import dev.sluice.spi.Column;
import dev.sluice.spi.QueryResult;
import dev.sluice.spi.Relation;
import dev.sluice.spi.RelationType;
import dev.sluice.testkit.postgres.SharedPostgres;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The adapter's operations on a real PostgreSQL server, each test in a schema of its own. */
class AdapterTest {
    @RegisterExtension
    static final SharedPostgres PG = new SharedPostgres();

    private final Pg pg = new Pg();
    private PostgresAdapter adapter;
    private String schema;

    @BeforeEach
    void open() {
        schema = PG.server().freshSchema("adapter");
        adapter = pg.open(PG.server(), schema);
    }

    @AfterEach
    void close() {
        adapter.close();
    }

    private Relation rel(String name) {
        return new Relation(adapter.defaultDatabase(), schema, name, RelationType.TABLE);
    }

    private long count(String name) {
        return ((Number) adapter.query("select count(*) from " + adapter.dialect().render(rel(name))).rows().get(0)
                .get(0)).longValue();
    }

    @Test
    void factsOfTheConnection() {
        assertThat(adapter.type()).isEqualTo("postgres");
        assertThat(adapter.defaultDatabase()).isEqualTo("sluice");
        assertThat(adapter.serverVersionNum()).isGreaterThanOrEqualTo(150000);
        assertThat(adapter.capabilities()).containsExactlyInAnyOrder(Capability.values());
        assertThat(adapter.poolSize()).isEqualTo(2);
    }

    @Test
    void replaceBuildsTablesAndViewsAndSwitchesBetweenThem() {
        adapter.replace(rel("t"), "select 1 as id, 'a' as label;", RelationType.TABLE);
        assertThat(adapter.getRelation(null, schema, "t")).map(Relation::type).contains(RelationType.TABLE);
        adapter.replace(rel("t"), "select generate_series(1, 5) as id", RelationType.TABLE);
        assertThat(count("t")).isEqualTo(5);
        adapter.replace(rel("t"), "select 7 as id", RelationType.VIEW);
        assertThat(adapter.getRelation(null, schema, "t")).map(Relation::type).contains(RelationType.VIEW);
        adapter.replace(rel("t"), "with x as (select 8 as id) select * from x -- trailing comment", RelationType.TABLE);
        assertThat(adapter.getRelation(null, schema, "t")).map(Relation::type).contains(RelationType.TABLE);
        assertThat(adapter.listRelations(null, schema)).extracting(Relation::identifier).containsExactly("t");
    }

    @Test
    void aFailedReplaceLeavesTheOldRelationWholeAndNothingBeside() {
        adapter.replace(rel("t"), "select generate_series(1, 10) as id", RelationType.TABLE);
        assertThatThrownBy(() -> adapter.replace(rel("t"), "select cast('x' || id as integer) as id from "
                + adapter.dialect().render(rel("t")), RelationType.TABLE))
                .isInstanceOf(AdapterException.class)
                .hasMessageContaining("invalid input syntax for type integer")
                .satisfies(e -> assertThat(((AdapterException) e).userError()).isTrue());
        assertThat(count("t")).isEqualTo(10);
        assertThatThrownBy(() -> adapter.replace(rel("t"), "select nope from nowhere", RelationType.VIEW))
                .isInstanceOf(AdapterException.class).hasMessageContaining("\"nowhere\" does not exist");
        assertThat(adapter.getRelation(null, schema, "t")).map(Relation::type).contains(RelationType.TABLE);
        assertThat(adapter.listRelations(null, schema)).extracting(Relation::identifier).containsExactly("t");
    }

    @Test
    void replacingATableDropsTheViewsOnItAsDbtPostgresDoesAndSaysSo() {
        adapter.replace(rel("base"), "select 1 as id", RelationType.TABLE);
        adapter.replace(rel("on_base"), "select id from " + adapter.dialect().render(rel("base")), RelationType.VIEW);
        adapter.replace(rel("base"), "select 2 as id", RelationType.TABLE);
        assertThat(adapter.listRelations(null, schema)).extracting(Relation::identifier).containsExactly("base");
        assertThat(pg.notices).singleElement().asString()
                .contains("dropped the views that depended on it").contains("\"on_base\"");
    }

    @Test
    void longNamesGetSideNamesThatDoNotCollide() {
        String name = "m".repeat(60);
        assertThat(RelationSwap.sideName(name, "__dbt_tmp")).hasSizeLessThanOrEqualTo(63).endsWith("__dbt_tmp");
        assertThat(RelationSwap.sideName(name, "__dbt_backup")).hasSizeLessThanOrEqualTo(63).endsWith("__dbt_backup");
        assertThat(RelationSwap.sideName("m".repeat(61), "__dbt_tmp")).isNotEqualTo(RelationSwap.sideName(name, "__dbt_tmp"));
        assertThat(RelationSwap.sideName("short", "__dbt_tmp")).isEqualTo("short__dbt_tmp");
        adapter.replace(rel(name), "select 1 as id", RelationType.TABLE);
        adapter.replace(rel(name), "select 2 as id", RelationType.TABLE);
        assertThat(adapter.listRelations(null, schema)).extracting(Relation::identifier).containsExactly(name);
    }

    @Test
    void catalogIntrospection() {
        adapter.execute("create table " + adapter.dialect().render(rel("typed")) + " (id integer, name varchar(40),"
                + " amount numeric(12, 2), at timestamp, ok boolean)");
        adapter.execute("comment on column " + adapter.dialect().render(rel("typed")) + ".name is 'the name'");
        adapter.execute("alter table " + adapter.dialect().render(rel("typed")) + " drop column ok");
        List<Column> columns = adapter.columnsOf(rel("typed"));
        assertThat(columns).extracting(Column::name).containsExactly("id", "name", "amount", "at");
        assertThat(columns).extracting(Column::dataType).containsExactly("integer", "character varying(40)",
                "numeric(12,2)", "timestamp without time zone");
        assertThat(columns).extracting(Column::index).containsExactly(1, 2, 3, 4);
        assertThat(columns.get(1).comment()).isEqualTo("the name");
        assertThat(adapter.getRelation(null, schema.toUpperCase(), "TYPED")).isPresent();
        assertThat(adapter.getRelation(null, schema, "missing")).isEmpty();
        assertThat(adapter.listRelations(null, "no_such_schema")).isEmpty();
        assertThat(adapter.listRelations("other_db", schema)).isEmpty();
    }

    @Test
    void queryValuesArePlainJava() {
        QueryResult result = adapter.query("select 1 as i, 2::bigint as b, 1.50::numeric(4,2) as n, 2.5::float8 as f,"
                + " date '2024-01-02' as d, timestamp '2024-01-02 03:04:05' as ts,"
                + " timestamptz '2024-01-02 03:04:05+00' as tz, true as ok, 'x' as s, null::text as nothing,"
                + " array[1, 2] as arr, '{\"a\": 1}'::jsonb as j");
        List<Object> row = result.rows().get(0);
        assertThat(row.get(0)).isEqualTo(1);
        assertThat(row.get(1)).isEqualTo(2L);
        assertThat(row.get(2)).isEqualTo(new BigDecimal("1.50"));
        assertThat(row.get(3)).isEqualTo(2.5);
        assertThat(row.get(4)).isEqualTo(LocalDate.of(2024, 1, 2));
        assertThat(row.get(5)).isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5));
        assertThat(row.get(6)).isInstanceOf(OffsetDateTime.class);
        assertThat(((OffsetDateTime) row.get(6)).toInstant()).isEqualTo(java.time.Instant.parse("2024-01-02T03:04:05Z"));
        assertThat(row.get(7)).isEqualTo(true);
        assertThat(row.get(8)).isEqualTo("x");
        assertThat(row.get(9)).isNull();
        assertThat(row.get(10)).isEqualTo(List.of(1, 2));
        assertThat(row.get(11)).isEqualTo("{\"a\": 1}");
        assertThat(result.columnNames()).containsExactly("i", "b", "n", "f", "d", "ts", "tz", "ok", "s", "nothing",
                "arr", "j");
        assertThat(adapter.query("select generate_series(1, 100)", 3).rows()).hasSize(3);
    }

    @Test
    void executeAtomicallyIsAllOrNothing() {
        adapter.replace(rel("t"), "select 1 as id", RelationType.TABLE);
        String t = adapter.dialect().render(rel("t"));
        assertThatThrownBy(() -> adapter.executeAtomically(List.of("insert into " + t + " values (2)",
                "insert into " + t + " values ('not a number')"))).isInstanceOf(AdapterException.class);
        assertThat(count("t")).isEqualTo(1);
        adapter.executeAtomically(List.of("insert into " + t + " values (2)", "insert into " + t + " values (3)"));
        assertThat(count("t")).isEqualTo(3);
    }

    @Test
    void workersReplaceAtOnceIntoANewSchema() throws Exception {
        String fresh = schema + "_new";
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                futures.add(pool.submit(() -> adapter.replace(new Relation(null, fresh, "t" + n, RelationType.TABLE),
                        "select " + n + " as id", RelationType.TABLE)));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(adapter.listRelations(null, fresh)).hasSize(8);
        adapter.dropSchema(null, fresh);
        assertThat(adapter.listRelations(null, fresh)).isEmpty();
    }

    @Test
    void dropRelationDropsWhateverKindIsThere() {
        adapter.replace(rel("v"), "select 1 as id", RelationType.VIEW);
        adapter.dropRelation(rel("v"));   // asked as a table, it is a view
        adapter.dropRelation(rel("never_there"));
        assertThat(adapter.listRelations(null, schema)).isEmpty();
    }

    @Test
    void aSerializationFailureIsRetriedAndReported() {
        String seq = adapter.dialect().render(rel("attempts"));
        adapter.execute("create sequence " + seq);
        adapter.replace(rel("t"), "select 1 as id", RelationType.TABLE);
        // nextval is not rolled back: the first attempt fails as a real serialization failure, the retry succeeds
        adapter.executeAtomically(List.of("insert into " + adapter.dialect().render(rel("t")) + " values (2)",
                "do $$ begin if nextval('" + schema + ".attempts') = 1 then raise exception 'could not serialize'"
                        + " using errcode = 'serialization_failure'; end if; end $$"));
        assertThat(count("t")).isEqualTo(2);
        assertThat(pg.notices).singleElement().asString().contains("SQLSTATE 40001").contains("retry 1 of 1");
    }

    @Test
    void mergeBeforePostgres15IsUpdateThenInsertWithTheSameOutcome() {
        for (int version : new int[] {140012, 170007}) {
            PostgresDialect dialect = new PostgresDialect(version);
            Relation target = rel("target_" + version);
            Relation source = rel("source_" + version);
            adapter.replace(target, "select * from (values (1, 'a', 'keep'), (2, 'b', 'keep')) as v(id, name, note)",
                    RelationType.TABLE);
            adapter.replace(source, "select * from (values (2, 'B', 'new'), (3, 'C', 'new')) as v(id, name, note)",
                    RelationType.TABLE);
            String sql = dialect.mergeInto(target, source, List.of("id"), List.of("id", "name", "note"),
                    List.of("id", "name"), List.of());
            assertThat(sql.startsWith("merge into")).isEqualTo(version >= 150000);
            adapter.executeAtomically(List.of(sql));
            assertThat(adapter.query("select id, name, note from " + dialect.render(target) + " order by id").rows())
                    .as("server version " + version)
                    .containsExactly(List.of(1, "a", "keep"), List.of(2, "B", "keep"), List.of(3, "C", "new"));
        }
    }
}
