package dev.sluice.core.graph;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.manifest.Manifest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.sluice.core.graph.SampleProject.*;
import static dev.sluice.core.manifest.ResourceType.EXPOSURE;
import static dev.sluice.core.manifest.ResourceType.MODEL;
import static dev.sluice.core.manifest.ResourceType.SEED;
import static dev.sluice.core.manifest.ResourceType.SOURCE;
import static dev.sluice.core.manifest.ResourceType.TEST;
import static dev.sluice.core.manifest.ResourceType.UNIT_TEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Graph operators, set operators, exclusion, indirect test selection, ordering and errors. */
class NodeSelectorTest {
    private final Manifest manifest = SampleProject.manifest();
    private final NodeSelector selector = new NodeSelector();

    private Set<String> select(SelectionRequest request) {
        return selector.select(manifest, request);
    }

    private Set<String> models(String... select) {
        return select(SelectionRequest.select(select).withResourceTypes(MODEL));
    }

    @Test
    void noSelectionSelectsEverythingInTopologicalOrder() {
        assertThat(select(SelectionRequest.all())).containsExactlyElementsOf(Dag.of(manifest).topologicalOrder());
    }

    @Test
    void resourceTypesNarrowTheSelection() {
        assertThat(select(SelectionRequest.all().withResourceTypes(MODEL)))
                .containsExactly(DEP_MODEL, STG_CUSTOMERS, CUSTOMERS, STG_ORDERS, ORDERS, REVENUE);
        assertThat(select(SelectionRequest.all().withExcludeResourceTypes(TEST, UNIT_TEST, SOURCE, EXPOSURE)))
                .containsExactly(DEP_MODEL, COUNTRY_CODES, STG_CUSTOMERS, CUSTOMERS, STG_ORDERS, ORDERS, REVENUE);
        assertThat(select(SelectionRequest.select("+exposure:weekly_kpis").withResourceTypes(SOURCE)))
                .containsExactly(RAW_CUSTOMERS, RAW_ORDERS);
    }

    @Test
    void bareNameSelectsTheModelAndEagerlyItsTests() {
        // The source table raw.orders is also named "orders", but bare names match nodes only.
        assertThat(select(SelectionRequest.select("orders")))
                .containsExactly(ORDERS, EQUAL_ROWCOUNT, NOT_NULL_ORDERS, RELATIONSHIPS, ORDERS_UNIT_TEST);
    }

    @Test
    void plusBeforeSelectsAllAncestors() {
        assertThat(models("+orders")).containsExactly(STG_CUSTOMERS, STG_ORDERS, ORDERS);
        assertThat(select(SelectionRequest.select("+orders"))).containsExactly(RAW_CUSTOMERS, STG_CUSTOMERS,
                RAW_ORDERS, STG_ORDERS, ORDERS, EQUAL_ROWCOUNT, NOT_NULL_ORDERS, RELATIONSHIPS, SOURCE_NOT_NULL,
                UNIQUE_STG_ORDERS, ORDERS_UNIT_TEST);
    }

    @Test
    void plusAfterSelectsAllDescendantsIncludingTestsAndExposures() {
        assertThat(models("orders+")).containsExactly(ORDERS, REVENUE);
        assertThat(select(SelectionRequest.select("orders+"))).containsExactly(ORDERS, REVENUE, WEEKLY_KPIS,
                ASSERT_REVENUE, EQUAL_ROWCOUNT, NOT_NULL_ORDERS, RELATIONSHIPS, ORDERS_UNIT_TEST);
    }

    @Test
    void nPlusOperatorsBoundTheDepth() {
        assertThat(models("1+revenue")).containsExactly(ORDERS, REVENUE);
        assertThat(models("2+revenue")).containsExactly(STG_CUSTOMERS, STG_ORDERS, ORDERS, REVENUE);
        assertThat(models("stg_customers+1")).containsExactly(STG_CUSTOMERS, CUSTOMERS, ORDERS);
        assertThat(models("1+orders+1")).containsExactly(STG_CUSTOMERS, STG_ORDERS, ORDERS, REVENUE);
    }

    @Test
    void atSelectsChildrenAndTheParentsOfChildren() {
        // customers comes in because the exposure and the relationships test below stg_orders depend on it.
        assertThat(models("@stg_orders")).containsExactly(STG_CUSTOMERS, CUSTOMERS, STG_ORDERS, ORDERS, REVENUE);
        assertThat(select(SelectionRequest.select("@stg_orders").withResourceTypes(SEED)))
                .containsExactly(COUNTRY_CODES);
    }

    @Test
    void spacesAndRepeatedFlagsAreUnions() {
        assertThat(models("revenue stg_orders")).containsExactly(STG_ORDERS, REVENUE);
        assertThat(models("revenue", "stg_orders")).containsExactly(STG_ORDERS, REVENUE);
    }

    @Test
    void commasAreIntersections() {
        assertThat(models("+orders,+customers")).containsExactly(STG_CUSTOMERS);
        assertThat(models("tag:nightly,config.materialized:table")).containsExactly(ORDERS);
        assertThat(select(SelectionRequest.select("tag:nightly,config.materialized:table")))
                .containsExactly(ORDERS, EQUAL_ROWCOUNT, NOT_NULL_ORDERS, RELATIONSHIPS, ORDERS_UNIT_TEST);
    }

    @Test
    void excludeSubtractsAndTakesTheExcludedModelsTestsWithIt() {
        assertThat(select(SelectionRequest.select("tag:nightly").withExclude("customers")))
                .containsExactly(ORDERS, EQUAL_ROWCOUNT, NOT_NULL_ORDERS, ORDERS_UNIT_TEST);
    }

    @Test
    void excludeWithoutSelectStartsFromEverything() {
        assertThat(select(SelectionRequest.all().withExclude("tag:staging").withResourceTypes(MODEL, TEST)))
                .containsExactly(DEP_MODEL, CUSTOMERS, ORDERS, REVENUE, ASSERT_REVENUE, NOT_NULL_ORDERS,
                        RELATIONSHIPS, SOURCE_NOT_NULL);
    }

    @Test
    void excludingSourcesDropsTheirTests() {
        assertThat(select(SelectionRequest.select("test_type:data").withExclude("source:*")))
                .containsExactly(ASSERT_REVENUE, EQUAL_ROWCOUNT, NOT_NULL_ORDERS, RELATIONSHIPS, UNIQUE_STG_ORDERS);
    }

    @Test
    void cautiousKeepsOnlyTestsWhoseParentsAreAllSelected() {
        SelectionRequest orders = SelectionRequest.select("orders").withIndirectSelection(IndirectSelection.CAUTIOUS);
        assertThat(select(orders)).containsExactly(ORDERS, NOT_NULL_ORDERS, ORDERS_UNIT_TEST);
    }

    @Test
    void cautiousTestJoinsWhenAUnionCoversAllItsParents() {
        List<String> expected = List.of(CUSTOMERS, ORDERS, NOT_NULL_ORDERS, RELATIONSHIPS, ORDERS_UNIT_TEST);
        assertThat(select(SelectionRequest.select("orders customers")
                .withIndirectSelection(IndirectSelection.CAUTIOUS))).containsExactlyElementsOf(expected);
        assertThat(select(SelectionRequest.select("orders", "customers")
                .withIndirectSelection(IndirectSelection.CAUTIOUS))).containsExactlyElementsOf(expected);
        assertThat(select(SelectionRequest.select("orders customers").withExclude("customers")
                .withIndirectSelection(IndirectSelection.CAUTIOUS)))
                .containsExactly(ORDERS, NOT_NULL_ORDERS, ORDERS_UNIT_TEST);
    }

    @Test
    void buildableAlsoAcceptsParentsThatAreUpstreamOfTheSelection() {
        // equal_rowcount tests orders against stg_orders, which is upstream of orders; relationships needs customers.
        assertThat(select(SelectionRequest.select("orders").withIndirectSelection(IndirectSelection.BUILDABLE)))
                .containsExactly(ORDERS, EQUAL_ROWCOUNT, NOT_NULL_ORDERS, ORDERS_UNIT_TEST);
    }

    @Test
    void emptyAddsNoTestsButDirectlySelectedTestsStay() {
        assertThat(select(SelectionRequest.select("orders").withIndirectSelection(IndirectSelection.EMPTY)))
                .containsExactly(ORDERS);
        assertThat(select(SelectionRequest.select("orders not_null_orders_id")
                .withIndirectSelection(IndirectSelection.EMPTY))).containsExactly(ORDERS, NOT_NULL_ORDERS);
    }

    @Test
    void testsCanBeSelectedDirectly() {
        assertThat(select(SelectionRequest.select("assert_revenue_positive"))).containsExactly(ASSERT_REVENUE);
        assertThat(select(SelectionRequest.select("revenue,test_type:singular"))).containsExactly(ASSERT_REVENUE);
        assertThat(select(SelectionRequest.select("test_type:generic,orders"))).containsExactly(EQUAL_ROWCOUNT,
                NOT_NULL_ORDERS, RELATIONSHIPS);
    }

    @Test
    void criterionMatchingNothingIsAWarningNotAnError() {
        SelectionResult result = selector.evaluate(manifest, SelectionRequest.select("tag:nope orders")
                .withResourceTypes(MODEL));
        assertThat(result.selected()).containsExactly(ORDERS);
        assertThat(result.warnings())
                .containsExactly("The selection criterion 'tag:nope' does not match any enabled nodes");
        assertThat(result.selectorUsed()).isNull();
    }

    @Test
    void unknownMethodIsASelectorError() {
        assertThatThrownBy(() -> select(SelectionRequest.select("orders colour:red")))
                .isInstanceOfSatisfying(SluiceException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.SELECTOR_INVALID))
                .hasMessageContaining("'colour' is not a valid selector method in 'colour:red'");
    }

    @Test
    void stateMethodsAreReservedUntilStateComparisonExists() {
        for (String spec : List.of("state:modified+", "result:error", "source_status:fresher")) {
            assertThatThrownBy(() -> select(SelectionRequest.select(spec)))
                    .isInstanceOfSatisfying(SluiceException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.SELECTOR_INVALID))
                    .hasMessageContaining("requires --state");
        }
    }

    @Test
    void aGraphBuiltOnceCanBeReused() {
        Dag dag = Dag.of(manifest);
        SelectionResult result = selector.evaluate(manifest, dag,
                SelectionRequest.select("stg_orders+1").withResourceTypes(MODEL));
        assertThat(result.selected()).containsExactly(STG_ORDERS, ORDERS);
    }

    @Test
    void invalidIndirectSelectionModeIsRejected() {
        assertThat(IndirectSelection.parse("Cautious")).isEqualTo(IndirectSelection.CAUTIOUS);
        assertThat(IndirectSelection.parse(null)).isEqualTo(IndirectSelection.EAGER);
        assertThatThrownBy(() -> IndirectSelection.parse("greedy"))
                .isInstanceOf(SluiceException.class).hasMessageContaining("greedy");
    }
}
