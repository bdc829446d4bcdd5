package dev.sluice.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.spi.Relation;
import dev.sluice.spi.RelationType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adapter lists a schema once per invocation and keeps the list true through its own DDL. */
class RelationCacheTest {
    private DuckDbAdapter adapter;

    @BeforeEach
    void open() {
        adapter = Duck.memory(2);
    }

    @AfterEach
    void close() {
        adapter.close();
    }

    private Relation rel(String name, RelationType type) {
        return new Relation("memory", "mart", name, type);
    }

    @Test
    void buildingManyModelsListsTheirSchemaOnce() {
        for (int i = 0; i < 20; i++) {
            adapter.replace(rel("m" + i, RelationType.TABLE), "select " + i + " as n", RelationType.TABLE);
            adapter.query("select count(*) from mart.m" + i);
        }
        assertThat(adapter.catalogListings()).isEqualTo(1);
        assertThat(adapter.listRelations("memory", "mart")).hasSize(20);
        assertThat(adapter.getRelation("memory", "MART", "M7")).get().extracting(Relation::type)
                .isEqualTo(RelationType.TABLE);
        assertThat(adapter.catalogListings()).isEqualTo(1);
    }

    @Test
    void ownDdlKeepsTheCacheTrue() {
        adapter.replace(rel("a", RelationType.VIEW), "select 1 as n", RelationType.VIEW);
        assertThat(adapter.getRelation("memory", "mart", "a")).get().extracting(Relation::type)
                .isEqualTo(RelationType.VIEW);
        adapter.replace(rel("a", RelationType.TABLE), "select 2 as n", RelationType.TABLE);
        assertThat(adapter.getRelation("memory", "mart", "a")).get().extracting(Relation::type)
                .isEqualTo(RelationType.TABLE);
        assertThat(adapter.query("select table_type from information_schema.tables where table_name = 'a'").rows())
                .containsExactly(java.util.List.of("BASE TABLE"));
        adapter.dropRelation(rel("a", RelationType.TABLE));
        assertThat(adapter.getRelation("memory", "mart", "a")).isEmpty();
        assertThat(adapter.catalogListings()).isEqualTo(1);
    }

    @Test
    void sqlTheAdapterDidNotWriteIsSeenOnTheNextLookUp() {
        adapter.createSchema("memory", "mart");
        assertThat(adapter.getRelation("memory", "mart", "outside")).isEmpty();
        adapter.execute("create table mart.outside as select 1 as n");
        assertThat(adapter.getRelation("memory", "mart", "outside")).isPresent();
        adapter.query("drop table mart.outside");
        assertThat(adapter.getRelation("memory", "mart", "outside")).isEmpty();
        adapter.executeAtomically(java.util.List.of("create view mart.v as select 1 as n"));
        assertThat(adapter.listRelations("memory", "mart")).extracting(Relation::identifier).containsExactly("v");
        adapter.dropSchema("memory", "mart");
        assertThat(adapter.listRelations("memory", "mart")).isEmpty();
        adapter.replace(rel("again", RelationType.TABLE), "select 1 as n", RelationType.TABLE);
        assertThat(adapter.listRelations("memory", "mart")).extracting(Relation::identifier).containsExactly("again");
    }

    @Test
    void aFailedBuildForgetsAndTheOldRelationStays() {
        adapter.replace(rel("keep", RelationType.TABLE), "select 1 as n", RelationType.TABLE);
        assertThatThrownBy(() -> adapter.replace(rel("keep", RelationType.VIEW), "select nope", RelationType.VIEW));
        assertThat(adapter.getRelation("memory", "mart", "keep")).get().extracting(Relation::type)
                .isEqualTo(RelationType.TABLE);
    }

    @Test
    void onlySelectsLeaveTheCacheAlone() {
        assertThat(RelationCache.readsOnly("select 1")).isTrue();
        assertThat(RelationCache.readsOnly("  -- comment\n(select 1)")).isTrue();
        assertThat(RelationCache.readsOnly("with a as (select 1) select * from a")).isTrue();
        assertThat(RelationCache.readsOnly("with a as (select 1) insert into t select * from a")).isFalse();
        assertThat(RelationCache.readsOnly("select 1; drop table t")).isFalse();
        assertThat(RelationCache.readsOnly("create table t as select 1")).isFalse();
        assertThat(RelationCache.readsOnly("selection")).isFalse();
    }
}
