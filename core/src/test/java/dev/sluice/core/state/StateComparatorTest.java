package dev.sluice.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.state.StateComparator.Aspect;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The comparison rules of state selection, on manifests in dbt's JSON shape. */
class StateComparatorTest {
    private static final String SQL = "select * from {{ ref('stg') }}";

    private static StateComparator compare(ManifestJson previous, ManifestJson current) {
        return new StateComparator(previous.read(), current.read());
    }

    /** The aspects under which {@code id} counts as modified. */
    private static Set<Aspect> aspects(StateComparator c, String id) {
        Set<Aspect> out = EnumSet.noneOf(Aspect.class);
        for (Aspect aspect : Aspect.values()) {
            if (c.modified(id, aspect)) {
                out.add(aspect);
            }
        }
        return out;
    }

    private static StateComparator oneModel(Consumer<ObjectNode> before, String sqlAfter, Consumer<ObjectNode> after) {
        return compare(new ManifestJson().model("orders", "prod", SQL, before),
                new ManifestJson().model("orders", "dev", sqlAfter, after));
    }

    @Test
    void sameCodeOnAnotherSchemaIsUnmodified() {
        StateComparator c = oneModel(n -> { }, SQL, n -> { });
        assertThat(c.isNew("model.shop.orders")).isFalse();
        assertThat(c.modified("model.shop.orders")).isFalse();
        assertThat(aspects(c, "model.shop.orders")).isEmpty();
    }

    @Test
    void aNodeTheOldManifestLacksIsNewAndModifiedUnderEverySubSelectorButMacros() {
        StateComparator c = compare(new ManifestJson(), new ManifestJson().model("orders", "dev", SQL));
        assertThat(c.isNew("model.shop.orders")).isTrue();
        assertThat(c.modified("model.shop.orders")).isTrue();
        assertThat(aspects(c, "model.shop.orders")).containsExactlyInAnyOrder(Aspect.BODY, Aspect.CONFIGS,
                Aspect.RELATION, Aspect.PERSISTED_DESCRIPTIONS, Aspect.CONTRACT);
        assertThat(c.modified("model.shop.gone")).isFalse();
    }

    @Test
    void bodyIsTheRawCode() {
        StateComparator c = oneModel(n -> { }, SQL + " where 1 = 1", n -> { });
        assertThat(c.modified("model.shop.orders")).isTrue();
        assertThat(aspects(c, "model.shop.orders")).containsExactly(Aspect.BODY);
    }

    @Test
    void seedsCompareByChecksum() {
        StateComparator same = compare(new ManifestJson().seed("raw", "prod", "abc"),
                new ManifestJson().seed("raw", "dev", "abc"));
        assertThat(same.modified("seed.shop.raw")).isFalse();
        StateComparator changed = compare(new ManifestJson().seed("raw", "prod", "abc"),
                new ManifestJson().seed("raw", "dev", "abd"));
        assertThat(aspects(changed, "seed.shop.raw")).containsExactly(Aspect.BODY);
    }

    @Test
    void configsCompareTheUnrenderedConfigNotTheRenderedOne() {
        StateComparator renderedOnly = oneModel(n -> { }, SQL,
                n -> ((ObjectNode) n.get("config")).put("schema", "dbt_alice"));
        assertThat(renderedOnly.modified("model.shop.orders")).isFalse();

        StateComparator unrendered = oneModel(n -> { }, SQL,
                n -> ((ObjectNode) n.get("unrendered_config")).put("materialized", "view"));
        assertThat(aspects(unrendered, "model.shop.orders")).containsExactly(Aspect.CONFIGS);
        assertThat(unrendered.modified("model.shop.orders")).isTrue();
    }

    @Test
    void relationIsTheConfiguredDatabaseSchemaOrAlias() {
        StateComparator c = oneModel(n -> { }, SQL,
                n -> ((ObjectNode) n.get("unrendered_config")).put("alias", "orders_v2"));
        assertThat(aspects(c, "model.shop.orders")).containsExactlyInAnyOrder(Aspect.RELATION, Aspect.CONFIGS);
    }

    @Test
    void persistedDescriptionsCountOnlyWhenPersisted() {
        Consumer<ObjectNode> described = n -> n.put("description", "new words");
        assertThat(aspects(oneModel(n -> { }, SQL, described), "model.shop.orders")).isEmpty();

        Consumer<ObjectNode> persist = n -> ((ObjectNode) n.get("config").get("persist_docs")).put("relation", true);
        StateComparator c = oneModel(persist, SQL, persist.andThen(described));
        assertThat(aspects(c, "model.shop.orders")).containsExactly(Aspect.PERSISTED_DESCRIPTIONS);

        Consumer<ObjectNode> persistColumns = n -> {
            ((ObjectNode) n.get("config").get("persist_docs")).put("columns", true);
            ((ObjectNode) n.get("columns")).putObject("id").put("name", "id").put("description", "key");
        };
        StateComparator columns = oneModel(persistColumns, SQL, persistColumns.andThen(
                n -> ((ObjectNode) n.get("columns").get("id")).put("description", "the key")));
        assertThat(aspects(columns, "model.shop.orders")).containsExactly(Aspect.PERSISTED_DESCRIPTIONS);
    }

    @Test
    void contractChangesWhenEnforcementOrEnforcedColumnsChange() {
        Consumer<ObjectNode> enforced = n -> {
            ((ObjectNode) n.get("config").get("contract")).put("enforced", true);
            ((ObjectNode) n.get("contract")).put("enforced", true);
            ((ObjectNode) n.get("columns")).putObject("id").put("name", "id").put("data_type", "integer");
        };
        assertThat(aspects(oneModel(n -> { }, SQL, enforced), "model.shop.orders")).contains(Aspect.CONTRACT);
        assertThat(aspects(oneModel(enforced, SQL, n -> { }), "model.shop.orders")).contains(Aspect.CONTRACT);
        assertThat(aspects(oneModel(enforced, SQL, enforced), "model.shop.orders")).isEmpty();

        StateComparator retyped = oneModel(enforced, SQL, enforced.andThen(
                n -> ((ObjectNode) n.get("columns").get("id")).put("data_type", "bigint")));
        assertThat(aspects(retyped, "model.shop.orders")).containsExactly(Aspect.CONTRACT);

        // dbt's manifests carry a checksum of the contract: when both sides have one, it decides
        StateComparator checksums = oneModel(enforced.andThen(n -> ((ObjectNode) n.get("contract")).put("checksum", "a")),
                SQL, enforced.andThen(n -> ((ObjectNode) n.get("contract")).put("checksum", "b")));
        assertThat(aspects(checksums, "model.shop.orders")).containsExactly(Aspect.CONTRACT);

        // an unenforced contract's columns are free to change
        Consumer<ObjectNode> typed = n -> ((ObjectNode) n.get("columns")).putObject("id").put("data_type", "int");
        assertThat(aspects(oneModel(n -> { }, SQL, typed), "model.shop.orders")).isEmpty();
    }

    @Test
    void macrosRecordedInDependsOnAreFollowedRecursively() {
        Consumer<ObjectNode> usesCents = n -> ManifestJson.macros(n).add("macro.shop.cents");
        ManifestJson before = new ManifestJson().model("orders", "prod", SQL, usesCents)
                .macro("shop", "cents", "{% macro cents(x) %}{{ x }} * {{ factor() }}{% endmacro %}",
                        "macro.shop.factor")
                .macro("shop", "factor", "{% macro factor() %}100{% endmacro %}");
        ManifestJson after = new ManifestJson().model("orders", "dev", SQL, usesCents)
                .macro("shop", "cents", "{% macro cents(x) %}{{ x }} * {{ factor() }}{% endmacro %}",
                        "macro.shop.factor")
                .macro("shop", "factor", "{% macro factor() %}1000{% endmacro %}");
        StateComparator c = compare(before, after);
        assertThat(aspects(c, "model.shop.orders")).containsExactly(Aspect.MACROS);
        assertThat(c.modified("model.shop.orders")).isTrue();

        StateComparator unchanged = compare(before, before);
        assertThat(unchanged.modified("model.shop.orders")).isFalse();
    }

    @Test
    void withoutRecordedDependenciesMacroCallsAreReadFromTheCode() {
        String sql = "select {{ cents('amount') }} as amount, {{ adapter.dispatch('money')() }} from t";
        ManifestJson base = new ManifestJson().model("orders", "prod", sql)
                .macro("shop", "cents", "{% macro cents(x) %}{{ x }} * 100{% endmacro %}")
                .macro("shop", "default__money", "{% macro default__money() %}1{% endmacro %}")
                .macro("dbt", "is_incremental", "{% macro is_incremental() %}old{% endmacro %}");
        ManifestJson centsChanged = new ManifestJson().model("orders", "dev", sql)
                .macro("shop", "cents", "{% macro cents(x) %}{{ x }} * 1000{% endmacro %}")
                .macro("shop", "default__money", "{% macro default__money() %}1{% endmacro %}")
                .macro("dbt", "is_incremental", "{% macro is_incremental() %}old{% endmacro %}");
        assertThat(aspects(compare(base, centsChanged), "model.shop.orders")).containsExactly(Aspect.MACROS);

        ManifestJson dispatchedChanged = new ManifestJson().model("orders", "dev", sql)
                .macro("shop", "cents", "{% macro cents(x) %}{{ x }} * 100{% endmacro %}")
                .macro("shop", "default__money", "{% macro default__money() %}2{% endmacro %}")
                .macro("dbt", "is_incremental", "{% macro is_incremental() %}old{% endmacro %}");
        assertThat(aspects(compare(base, dispatchedChanged), "model.shop.orders")).containsExactly(Aspect.MACROS);

        // a change to dbt's own internal macros (an engine upgrade) does not mark nodes modified
        String incremental = "select 1 {% if is_incremental() %} where 1 = 1 {% endif %}";
        ManifestJson internalBefore = new ManifestJson().model("orders", "prod", incremental)
                .macro("dbt", "is_incremental", "{% macro is_incremental() %}old{% endmacro %}");
        ManifestJson internalAfter = new ManifestJson().model("orders", "dev", incremental)
                .macro("dbt", "is_incremental", "{% macro is_incremental() %}new{% endmacro %}");
        assertThat(compare(internalBefore, internalAfter).modified("model.shop.orders")).isFalse();
    }

    @Test
    void aMacroNewSinceTheStateCountsAsChanged() {
        String sql = "select {{ cents('amount') }} from t";
        StateComparator c = compare(new ManifestJson().model("orders", "prod", sql),
                new ManifestJson().model("orders", "dev", sql)
                        .macro("shop", "cents", "{% macro cents(x) %}{{ x }}{% endmacro %}"));
        assertThat(aspects(c, "model.shop.orders")).containsExactly(Aspect.MACROS);
    }

    @Test
    void sourcesCompareTheirRelation() {
        StateComparator same = compare(new ManifestJson().source("raw", "orders", "raw"),
                new ManifestJson().source("raw", "orders", "raw"));
        assertThat(same.modified("source.shop.raw.orders")).isFalse();
        StateComparator moved = compare(new ManifestJson().source("raw", "orders", "raw"),
                new ManifestJson().source("raw", "orders", "landing"));
        assertThat(moved.modified("source.shop.raw.orders")).isTrue();
        assertThat(aspects(moved, "source.shop.raw.orders")).containsExactly(Aspect.RELATION);
        StateComparator added = compare(new ManifestJson(), new ManifestJson().source("raw", "orders", "raw"));
        assertThat(added.isNew("source.shop.raw.orders")).isTrue();
    }

    @Test
    void theManifestReaderTakesWhatDeferAndCloneNeed() {
        StateManifest manifest = new ManifestJson().model("orders", "prod", SQL,
                n -> ((ObjectNode) n.get("config")).put("materialized", "view")).seed("raw", "prod", "x").read();
        StateNode orders = manifest.resource("model.shop.orders").orElseThrow();
        assertThat(orders.database()).isEqualTo("warehouse");
        assertThat(orders.schema()).isEqualTo("prod");
        assertThat(orders.identifier()).isEqualTo("orders");
        assertThat(orders.relationName()).isEqualTo("\"warehouse\".\"prod\".\"orders\"");
        assertThat(orders.materialized()).isEqualTo("view");
        assertThat(orders.buildsRelation()).isTrue();
        assertThat(StateDeferResolver.relationOf(orders).type()).isEqualTo(dev.sluice.spi.RelationType.VIEW);
        assertThat(manifest.resource("seed.shop.raw").orElseThrow().checksum()).isEqualTo("x");
    }
}
