package dev.sluice.core.graph;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.graph.method.SelectionMethods;
import dev.sluice.core.manifest.Manifest;
import dev.sluice.core.manifest.ResourceType;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static dev.sluice.core.graph.SampleProject.*;
import static dev.sluice.core.manifest.ResourceType.MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each selector method, with indirect selection off so only what the method matches comes back. */
class SelectionMethodsTest {
    private final Manifest manifest = SampleProject.manifest();
    private final NodeSelector selector = new NodeSelector();

    private Set<String> matched(String select, ResourceType... types) {
        return selector.select(manifest, SelectionRequest.select(select).withResourceTypes(types)
                .withIndirectSelection(IndirectSelection.EMPTY));
    }

    private void assertInvalid(String select, String message) {
        assertThatThrownBy(() -> matched(select))
                .isInstanceOfSatisfying(SluiceException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.SELECTOR_INVALID))
                .hasMessageContaining(message);
    }

    @Test
    void fqnMatchesNameFolderPrefixesAndWildcardTails() {
        assertThat(matched("orders")).containsExactly(ORDERS);
        assertThat(matched("fqn:p.staging.stg_orders")).containsExactly(STG_ORDERS);
        assertThat(matched("staging")).containsExactly(STG_CUSTOMERS, STG_ORDERS);
        assertThat(matched("p.marts.*")).containsExactly(CUSTOMERS, ORDERS, REVENUE);
        assertThat(matched("marts.finance.*")).containsExactly(REVENUE);
        assertThat(matched("*.stg_orders")).containsExactly(STG_ORDERS);
        assertThat(matched("dep")).containsExactly(DEP_MODEL);
        assertThat(matched("fqn:*", MODEL)).containsExactly(DEP_MODEL, STG_CUSTOMERS, CUSTOMERS, STG_ORDERS, ORDERS,
                REVENUE);
    }

    @Test
    void fqnDoesNotMatchSourcesExposuresOrALoneLeafWildcard() {
        assertThat(matched("fqn:*", ResourceType.SOURCE, ResourceType.EXPOSURE)).isEmpty();
        assertThat(matched("weekly_kpis")).isEmpty();
        assertThat(matched("stg_*")).isEmpty();
    }

    @Test
    void pathMatchesFilesFoldersGlobsAndPatchFiles() {
        assertThat(matched("models/staging")).containsExactly(RAW_CUSTOMERS, STG_CUSTOMERS, RAW_ORDERS, STG_ORDERS);
        assertThat(matched("./models/marts/")).containsExactly(CUSTOMERS, ORDERS, REVENUE);
        assertThat(matched("path:models/marts/finance/revenue.sql")).containsExactly(REVENUE);
        assertThat(matched("path:models/marts/*.sql")).containsExactly(CUSTOMERS, ORDERS);
        assertThat(matched("path:models/**/revenue.sql")).containsExactly(REVENUE);
        assertThat(matched("path:models/marts/schema.yml")).containsExactly(ORDERS);
        assertThat(matched("path:tests")).containsExactly(ASSERT_REVENUE);
        assertThat(matched("path:models/exposures.yml")).containsExactly(WEEKLY_KPIS);
        assertThat(matched("path:models/stag")).isEmpty();
    }

    @Test
    void fileMatchesTheFileNameWithOrWithoutExtension() {
        assertThat(matched("revenue.sql")).containsExactly(REVENUE);
        assertThat(matched("file:revenue")).containsExactly(REVENUE);
        assertThat(matched("file:stg_*.sql")).containsExactly(STG_CUSTOMERS, STG_ORDERS);
        assertThat(matched("country_codes.csv")).containsExactly(COUNTRY_CODES);
    }

    @Test
    void tagMatchesNodesSourcesAndWildcards() {
        assertThat(matched("tag:nightly")).containsExactly(CUSTOMERS, ORDERS);
        assertThat(matched("tag:raw_data")).containsExactly(RAW_ORDERS);
        assertThat(matched("tag:fin*")).containsExactly(CUSTOMERS, ASSERT_REVENUE);
    }

    @Test
    void configMatchesScalarsBooleansListsDictsAndNestedKeys() {
        assertThat(matched("config.materialized:incremental")).containsExactly(CUSTOMERS);
        assertThat(matched("config.materialized:view")).containsExactly(DEP_MODEL, STG_CUSTOMERS, STG_ORDERS);
        assertThat(matched("config.materialized:seed")).containsExactly(COUNTRY_CODES);
        assertThat(matched("config.meta.owner:alice")).containsExactly(ORDERS);
        assertThat(matched("config.transient:TRUE")).containsExactly(ORDERS);
        assertThat(matched("config.grants.select:analyst")).containsExactly(ORDERS);
        assertThat(matched("config.grants:select")).containsExactly(ORDERS);
        assertThat(matched("config.tags:pii")).containsExactly(STG_CUSTOMERS);
        assertThat(matched("config.severity:WARN")).containsExactly(NOT_NULL_ORDERS);
        assertThat(matched("config.materialized:nope")).isEmpty();
        assertThat(matched("config.meta.missing:x")).isEmpty();
    }

    @Test
    void configWithoutAKeyIsInvalid() {
        assertInvalid("config:table", "needs a config key");
    }

    @Test
    void resourceTypeMatchesEveryKind() {
        assertThat(matched("resource_type:seed")).containsExactly(COUNTRY_CODES);
        assertThat(matched("resource_type:exposure")).containsExactly(WEEKLY_KPIS);
        assertThat(matched("resource_type:unit_test")).containsExactly(ORDERS_UNIT_TEST);
        assertThat(matched("resource_type:source")).containsExactly(RAW_CUSTOMERS, RAW_ORDERS);
        assertInvalid("resource_type:widget", "Invalid resource_type selector 'widget'");
    }

    @Test
    void sourceMatchesBySourceTableAndPackage() {
        assertThat(matched("source:raw")).containsExactly(RAW_CUSTOMERS, RAW_ORDERS);
        assertThat(matched("source:raw.orders")).containsExactly(RAW_ORDERS);
        assertThat(matched("source:p.raw.orders")).containsExactly(RAW_ORDERS);
        assertThat(matched("source:raw.cust*")).containsExactly(RAW_CUSTOMERS);
        assertThat(matched("source:other.raw.orders")).isEmpty();
        assertThat(matched("source:raw+", MODEL)).containsExactly(STG_CUSTOMERS, CUSTOMERS, STG_ORDERS, ORDERS,
                REVENUE);
        assertInvalid("source:a.b.c.d", "Invalid source selector value 'a.b.c.d'");
    }

    @Test
    void sourceSelectionEagerlyBringsSourceTests() {
        assertThat(selector.select(manifest, SelectionRequest.select("source:raw.orders")))
                .containsExactly(RAW_ORDERS, SOURCE_NOT_NULL);
    }

    @Test
    void exposureMatchesByNameAndPackage() {
        assertThat(matched("exposure:weekly_kpis")).containsExactly(WEEKLY_KPIS);
        assertThat(matched("exposure:p.weekly_*")).containsExactly(WEEKLY_KPIS);
        assertThat(matched("+exposure:weekly_kpis", MODEL)).containsExactly(STG_CUSTOMERS, CUSTOMERS, STG_ORDERS,
                ORDERS, REVENUE);
        assertInvalid("exposure:a.b.c", "Invalid exposure selector value");
    }

    @Test
    void testTypeSplitsGenericSingularDataAndUnit() {
        assertThat(matched("test_type:generic")).containsExactly(EQUAL_ROWCOUNT, NOT_NULL_ORDERS, RELATIONSHIPS,
                SOURCE_NOT_NULL, UNIQUE_STG_ORDERS);
        assertThat(matched("test_type:schema")).isEqualTo(matched("test_type:generic"));
        assertThat(matched("test_type:singular")).containsExactly(ASSERT_REVENUE);
        assertThat(matched("test_type:data")).containsExactly(ASSERT_REVENUE, EQUAL_ROWCOUNT, NOT_NULL_ORDERS,
                RELATIONSHIPS, SOURCE_NOT_NULL, UNIQUE_STG_ORDERS);
        assertThat(matched("test_type:unit")).containsExactly(ORDERS_UNIT_TEST);
        assertInvalid("test_type:smoke", "Invalid test_type selector 'smoke'");
    }

    @Test
    void testNameMatchesTheGenericTestWithOrWithoutNamespace() {
        assertThat(matched("test_name:not_null")).containsExactly(NOT_NULL_ORDERS, SOURCE_NOT_NULL);
        assertThat(matched("test_name:equal_rowcount")).containsExactly(EQUAL_ROWCOUNT);
        assertThat(matched("test_name:dbt_utils.equal_rowcount")).containsExactly(EQUAL_ROWCOUNT);
        assertThat(matched("test_name:rel*")).containsExactly(RELATIONSHIPS);
        assertThat(matched("test_name:assert_revenue_positive")).isEmpty();
    }

    @Test
    void packageMatchesByNameWildcardOrThis() {
        assertThat(matched("package:dep")).containsExactly(DEP_MODEL);
        assertThat(matched("package:d*")).containsExactly(DEP_MODEL);
        assertThat(matched("package:this", MODEL)).containsExactly(STG_CUSTOMERS, CUSTOMERS, STG_ORDERS, ORDERS,
                REVENUE);
    }

    @Test
    void groupAccessUnitTestVersionAndAbsentKinds() {
        assertThat(matched("group:finance")).containsExactly(REVENUE);
        assertThat(matched("access:public")).containsExactly(CUSTOMERS);
        assertThat(matched("access:protected")).containsExactly(DEP_MODEL, STG_CUSTOMERS, STG_ORDERS, ORDERS,
                REVENUE);
        assertThat(matched("unit_test:test_orders_logic")).containsExactly(ORDERS_UNIT_TEST);
        assertThat(matched("unit_test:*")).containsExactly(ORDERS_UNIT_TEST);
        assertThat(matched("version:none", MODEL)).hasSize(6);
        assertThat(matched("version:latest")).isEmpty();
        assertThat(matched("metric:*")).isEmpty();
        assertInvalid("version:newest", "Invalid version selector");
    }

    @Test
    void extraMethodsCanBeRegistered() {
        NodeSelector custom = new NodeSelector(SelectionMethods.standard()
                .with("starts", (scope, arguments, value) -> scope.idsWhere(c -> c.name().startsWith(value))));
        assertThat(custom.select(manifest, SelectionRequest.select("starts:stg").withResourceTypes(MODEL)))
                .containsExactly(STG_CUSTOMERS, STG_ORDERS);
        assertThat(SelectionMethods.standard().has("starts")).isFalse();
        assertThat(SelectionMethods.standard().names()).contains("fqn", "tag", "path", "file", "config", "source",
                "exposure", "test_type", "test_name", "package", "resource_type", "state", "result");
    }
}
