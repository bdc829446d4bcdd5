package dev.sluice.core.graph;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.manifest.Manifest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.sluice.core.graph.SampleProject.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DagTest {
    private final Dag dag = Dag.of(SampleProject.manifest());

    @Test
    void holdsNodesSourcesAndExposures() {
        assertThat(dag.ids()).contains(ORDERS, RAW_ORDERS, WEEKLY_KPIS, ORDERS_UNIT_TEST, COUNTRY_CODES);
        assertThat(dag.size()).isEqualTo(17);
        assertThat(dag.contains("model.p.nope")).isFalse();
    }

    @Test
    void topologicalOrderPutsParentsFirstAndBreaksTiesByUniqueId() {
        assertThat(dag.topologicalOrder()).containsExactly(
                DEP_MODEL, COUNTRY_CODES, RAW_CUSTOMERS, STG_CUSTOMERS, CUSTOMERS, RAW_ORDERS, STG_ORDERS, ORDERS,
                REVENUE, WEEKLY_KPIS, ASSERT_REVENUE, EQUAL_ROWCOUNT, NOT_NULL_ORDERS, RELATIONSHIPS,
                SOURCE_NOT_NULL, UNIQUE_STG_ORDERS, ORDERS_UNIT_TEST);
    }

    @Test
    void topologicalOrderIsTheSameWhateverTheInsertionOrder() {
        Dag forward = Dag.fromParents(Map.of("b", List.of("a"), "a", List.of(), "c", List.of("a"), "d", List.of()));
        assertThat(forward.topologicalOrder()).containsExactly("a", "b", "c", "d");
    }

    @Test
    void parentsAndChildren() {
        assertThat(dag.parents(ORDERS)).containsExactly(STG_CUSTOMERS, STG_ORDERS);
        assertThat(dag.children(ORDERS)).containsExactly(REVENUE, EQUAL_ROWCOUNT, NOT_NULL_ORDERS, RELATIONSHIPS,
                ORDERS_UNIT_TEST);
        assertThat(dag.parents(RAW_ORDERS)).isEmpty();
        assertThat(dag.children(WEEKLY_KPIS)).isEmpty();
        assertThat(dag.parents("unknown")).isEmpty();
    }

    @Test
    void ancestorsAndDescendantsWithAndWithoutDepth() {
        assertThat(dag.ancestors(REVENUE)).containsExactlyInAnyOrder(ORDERS, STG_ORDERS, STG_CUSTOMERS, RAW_ORDERS,
                RAW_CUSTOMERS);
        assertThat(dag.ancestors(List.of(REVENUE), 1)).containsExactly(ORDERS);
        assertThat(dag.ancestors(List.of(REVENUE), 2)).containsExactlyInAnyOrder(ORDERS, STG_ORDERS, STG_CUSTOMERS);
        assertThat(dag.ancestors(List.of(REVENUE), 0)).isEmpty();
        assertThat(dag.descendants(STG_ORDERS)).containsExactlyInAnyOrder(ORDERS, REVENUE, WEEKLY_KPIS,
                UNIQUE_STG_ORDERS, NOT_NULL_ORDERS, RELATIONSHIPS, EQUAL_ROWCOUNT, ASSERT_REVENUE, ORDERS_UNIT_TEST);
        assertThat(dag.descendants(List.of(STG_ORDERS), 1)).containsExactlyInAnyOrder(ORDERS, UNIQUE_STG_ORDERS,
                EQUAL_ROWCOUNT);
        assertThat(dag.descendants(List.of(RAW_ORDERS, COUNTRY_CODES), 1)).containsExactlyInAnyOrder(STG_ORDERS,
                SOURCE_NOT_NULL, CUSTOMERS);
    }

    @Test
    void sortOrdersAnyCollectionTopologicallyAndDropsUnknownIds() {
        assertThat(dag.sort(Set.of(REVENUE, "model.p.ghost", STG_ORDERS, ORDERS)))
                .containsExactly(STG_ORDERS, ORDERS, REVENUE);
    }

    @Test
    void dependenciesOnUnknownIdsAreIgnored() {
        ManifestFixture f = new ManifestFixture("p");
        f.model("a").dependsOn("model.p.disabled_one");
        Dag small = Dag.of(f.build());
        assertThat(small.parents("model.p.a")).isEmpty();
        assertThat(small.topologicalOrder()).containsExactly("model.p.a");
    }

    @Test
    void buildingAGraphWithACycleFails() {
        ManifestFixture f = new ManifestFixture("p");
        f.model("a").dependsOn("b");
        f.model("b").dependsOn("a");
        Manifest cyclic = f.build();
        assertThatThrownBy(() -> Dag.of(cyclic))
                .isInstanceOfSatisfying(SluiceException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DEPENDENCY_CYCLE);
                    assertThat(e.getMessage()).isEqualTo("Found a cycle: model.p.a --> model.p.b --> model.p.a");
                });
    }
}
