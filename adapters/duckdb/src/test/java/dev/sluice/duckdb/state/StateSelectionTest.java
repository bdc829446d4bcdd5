package dev.sluice.duckdb.state;

import static dev.sluice.duckdb.state.StateFixture.buildProd;
import static dev.sluice.duckdb.state.StateFixture.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.execute.RunResults;
import dev.sluice.testkit.TestProject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code state:} and {@code result:} selection against artifacts a production build wrote. */
class StateSelectionTest {
    @TempDir
    Path dir;

    private static List<String> models() {
        return List.of("model", "seed");
    }

    @Test
    void anUnchangedProjectOnAnotherTargetHasNothingModifiedOrNew() {
        TestProject project = StateFixture.project(dir);
        buildProd(project);
        assertThat(list(project, b -> b.select(List.of("state:modified")))).isEmpty();
        assertThat(list(project, b -> b.select(List.of("state:new")))).isEmpty();
        assertThat(list(project, b -> b.select(List.of("state:old")).resourceTypes(models())))
                .containsExactly("big_orders", "customer_rank", "customers", "raw_orders", "stg_orders");
        assertThat(list(project, b -> b.select(List.of("state:unmodified")).resourceTypes(models())))
                .containsExactly("big_orders", "customer_rank", "customers", "raw_orders", "stg_orders");
    }

    @Test
    void stateNewIsWhatTheStateManifestLacks() {
        TestProject project = StateFixture.project(dir);
        buildProd(project);
        project.write("models/vip.sql", "select * from {{ ref('customers') }} where total > 20\n");
        assertThat(list(project, b -> b.select(List.of("state:new")))).containsExactly("vip");
        assertThat(list(project, b -> b.select(List.of("state:modified")))).containsExactly("vip");
        assertThat(list(project, b -> b.select(List.of("state:modified.body")))).containsExactly("vip");
        assertThat(list(project, b -> b.select(List.of("state:modified.macros")))).isEmpty();
    }

    @Test
    void eachSubSelectorSeesOnlyItsKindOfChange() {
        TestProject project = StateFixture.project(dir);
        buildProd(project);
        project.write("models/stg_orders.sql", "select id, customer_id, amount from {{ ref('raw_orders') }} -- tidy\n");
        project.write("models/customer_rank.sql", """
                {{ config(materialized='view') }}
                select customer_id, total, rank() over (order by total desc) as position
                from {{ ref('customers') }}
                """);
        project.write("macros/threshold.sql", "{% macro threshold() %}20{% endmacro %}\n");
        project.write("seeds/raw_orders.csv", "id,customer_id,amount\n1,1,10\n2,1,15\n3,2,7\n4,3,31\n");
        project.write("models/schema.yml", """
                version: 2
                models:
                  - name: customers
                    config:
                      alias: customer_totals
                    columns:
                      - name: customer_id
                        data_tests: [not_null, unique]
                """);

        assertThat(list(project, b -> b.select(List.of("state:modified.body")).resourceTypes(models())))
                .containsExactly("customer_rank", "raw_orders", "stg_orders");
        assertThat(list(project, b -> b.select(List.of("state:modified.configs")).resourceTypes(models())))
                .containsExactly("customer_rank", "customers");
        assertThat(list(project, b -> b.select(List.of("state:modified.relation")).resourceTypes(models())))
                .containsExactly("customers");
        assertThat(list(project, b -> b.select(List.of("state:modified.macros")).resourceTypes(models())))
                .containsExactly("big_orders");
        assertThat(list(project, b -> b.select(List.of("state:modified")).resourceTypes(models())))
                .containsExactly("big_orders", "customer_rank", "customers", "raw_orders", "stg_orders");
        assertThat(list(project, b -> b.select(List.of("state:modified.contract")))).isEmpty();
        assertThat(list(project, b -> b.select(List.of("state:modified.persisted_descriptions")))).isEmpty();
    }

    @Test
    void contractAndPersistedDescriptionChanges() {
        TestProject project = StateFixture.project(dir);
        project.write("models/schema.yml", """
                version: 2
                models:
                  - name: customers
                    description: totals per customer
                    config:
                      persist_docs: {relation: true, columns: true}
                    columns:
                      - name: customer_id
                        description: the customer
                  - name: stg_orders
                    config:
                      contract: {enforced: true}
                    columns:
                      - name: id
                        data_type: integer
                      - name: customer_id
                        data_type: integer
                      - name: amount
                        data_type: integer
                """);
        buildProd(project);
        project.write("models/schema.yml", """
                version: 2
                models:
                  - name: customers
                    description: totals per customer
                    config:
                      persist_docs: {relation: true, columns: true}
                    columns:
                      - name: customer_id
                        description: who bought
                  - name: stg_orders
                    config:
                      contract: {enforced: true}
                    columns:
                      - name: id
                        data_type: integer
                      - name: customer_id
                        data_type: bigint
                      - name: amount
                        data_type: integer
                """);
        assertThat(list(project, b -> b.select(List.of("state:modified.persisted_descriptions"))))
                .containsExactly("customers");
        assertThat(list(project, b -> b.select(List.of("state:modified.contract")))).containsExactly("stg_orders");
        assertThat(list(project, b -> b.select(List.of("state:modified")).resourceTypes(models())))
                .containsExactly("customers", "stg_orders");
    }

    @Test
    void stateModifiedPlusTakesTheChildren() {
        TestProject project = StateFixture.project(dir);
        buildProd(project);
        project.write("models/stg_orders.sql", "select id, customer_id, amount + 0 as amount from {{ ref('raw_orders') }}\n");
        assertThat(list(project, b -> b.select(List.of("state:modified+")).resourceTypes(List.of("model"))))
                .containsExactly("big_orders", "customer_rank", "customers", "stg_orders");
    }

    @Test
    void resultSelectsByThePreviousStatusAndPlusAddsChildren() {
        TestProject project = StateFixture.project(dir);
        project.write("models/customers.sql", "select customer_id, sum(amount) as total, missing_column "
                + "from {{ ref('stg_orders') }} group by customer_id\n");
        RunResults prod = project.sluice().build(StateFixture.prod(project).build());
        assertThat(prod.failed()).isTrue();

        assertThat(list(project, b -> b.select(List.of("result:error")).resourceTypes(List.of("model"))))
                .containsExactly("customers");
        // eager indirect selection adds the (skipped) tests of the selected model, as dbt does
        assertThat(list(project, b -> b.select(List.of("result:error")))).containsExactly("customers",
                "not_null_customers_customer_id", "unique_customers_customer_id");
        assertThat(list(project, b -> b.select(List.of("result:error+")).resourceTypes(List.of("model"))))
                .containsExactly("customer_rank", "customers");
        assertThat(list(project, b -> b.select(List.of("result:skipped")).resourceTypes(List.of("model"))))
                .containsExactly("customer_rank");
        assertThat(list(project, b -> b.select(List.of("result:success")).resourceTypes(models())))
                .containsExactly("big_orders", "raw_orders", "stg_orders");
        assertThat(list(project, b -> b.select(List.of("result:pass")))).isEmpty();
        assertThat(list(project, b -> b.select(List.of("result:fail")))).isEmpty();
    }

    @Test
    void testFailuresAreResultFail() {
        TestProject project = StateFixture.project(dir);
        project.write("seeds/raw_orders.csv", "id,customer_id,amount\n1,1,10\n2,,15\n");
        RunResults prod = project.sluice().build(StateFixture.prod(project).build());
        assertThat(prod.failed()).isTrue();
        assertThat(list(project, b -> b.select(List.of("result:fail")))).singleElement().asString()
                .startsWith("not_null_customers_customer_id");
        assertThat(list(project, b -> b.select(List.of("result:pass")))).singleElement().asString()
                .startsWith("unique_customers_customer_id");
    }

    @Test
    void badStateValuesAndMissingStateAreSelectorErrors() {
        TestProject project = StateFixture.project(dir);
        buildProd(project);
        assertThatThrownBy(() -> list(project, b -> b.select(List.of("state:changed"))))
                .isInstanceOfSatisfying(SluiceException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.SELECTOR_INVALID))
                .hasMessageContaining("state:changed");
        assertThatThrownBy(() -> list(project, b -> b.select(List.of("state:modified.colour"))))
                .isInstanceOf(SluiceException.class).hasMessageContaining("modified.colour");
        assertThatThrownBy(() -> project.sluice().list(project.options().select(List.of("state:modified")).build(),
                dev.sluice.core.api.ListOutput.NAME, List.of()))
                .isInstanceOf(SluiceException.class).hasMessageContaining("requires --state");
        assertThatThrownBy(() -> list(project, b -> b.statePath(Path.of("nowhere")).select(List.of("state:new"))))
                .isInstanceOf(SluiceException.class).hasMessageContaining("nowhere");
    }
}
