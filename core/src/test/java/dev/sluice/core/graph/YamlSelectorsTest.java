package dev.sluice.core.graph;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.manifest.Manifest;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.sluice.core.graph.SampleProject.*;
import static dev.sluice.core.manifest.ResourceType.MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** selectors.yml definitions in every documented form, selected with --selector. */
class YamlSelectorsTest {
    private final NodeSelector selector = new NodeSelector();

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }

    private final Manifest manifest = SampleProject.fixture()
            .selector("cli_string", "tag:nightly+")
            .selector("key_value", map("tag", "staging"))
            .selector("full", map("method", "fqn", "value", "revenue", "parents", true, "parents_depth", 1))
            .selector("full_children", map("method", "source", "value", "raw", "children", "true",
                    "children_depth", "1"))
            .selector("depth_without_flag", map("method", "fqn", "value", "revenue", "parents_depth", 2))
            .selector("at", map("method", "fqn", "value", "stg_orders", "childrens_parents", true))
            .selector("union_with_exclude", map("union", List.of(map("method", "tag", "value", "nightly"), "revenue",
                    map("exclude", List.of("customers")))))
            .selector("intersection", map("intersection", List.of("+orders", "+customers")))
            .selector("dict_exclude", map("method", "path", "value", "models/marts", "exclude",
                    List.of("tag:finance")))
            .selector("inherits", map("intersection", List.of(map("method", "selector", "value",
                    "union_with_exclude"), map("exclude", List.of(map("method", "fqn", "value", "revenue"))))))
            .selector("key_value_selector", map("selector", "intersection"))
            .selector("nightly_diet", map("union", List.of(
                    map("intersection", List.of("@source:raw", "tag:nightly")),
                    "models/marts/finance",
                    map("exclude", List.of(map("intersection", List.of("package:p", "config.materialized:incremental")),
                            "dep_model")))))
            .selector("list", List.of("orders", "revenue"))
            .selector("cautious_orders", map("method", "fqn", "value", "orders", "indirect_selection", "cautious"))
            .selector("plain_orders", "orders")
            .selector("orders_without_data_tests", map("method", "fqn", "value", "orders", "exclude",
                    List.of("test_type:data")))
            .selector("config_method", map("method", "config.materialized", "value", "incremental"))
            .rawSelector("raw_def", "revenue")
            .build();

    private Set<String> models(String name) {
        return selector.select(manifest, SelectionRequest.selector(name).withResourceTypes(MODEL));
    }

    private Set<String> all(String name, IndirectSelection mode) {
        return selector.select(manifest, SelectionRequest.selector(name).withIndirectSelection(mode));
    }

    private void assertInvalid(Manifest m, SelectionRequest request, String message) {
        assertThatThrownBy(() -> selector.select(m, request))
                .isInstanceOfSatisfying(SluiceException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.SELECTOR_INVALID))
                .hasMessageContaining(message);
    }

    @Test
    void cliStyleString() {
        assertThat(models("cli_string")).containsExactly(CUSTOMERS, ORDERS, REVENUE);
        assertThat(models("raw_def")).containsExactly(REVENUE);
    }

    @Test
    void keyValueForm() {
        assertThat(models("key_value")).containsExactly(STG_CUSTOMERS, STG_ORDERS);
        assertThat(models("config_method")).containsExactly(CUSTOMERS);
    }

    @Test
    void fullFormWithParentsChildrenAndDepths() {
        assertThat(models("full")).containsExactly(ORDERS, REVENUE);
        assertThat(models("full_children")).containsExactly(STG_CUSTOMERS, STG_ORDERS);
        assertThat(models("depth_without_flag")).containsExactly(REVENUE);
        assertThat(models("at")).containsExactly(STG_CUSTOMERS, CUSTOMERS, STG_ORDERS, ORDERS, REVENUE);
    }

    @Test
    void unionAndIntersectionWithExcludeAppliedLast() {
        assertThat(models("union_with_exclude")).containsExactly(ORDERS, REVENUE);
        // The excluded customers model takes the relationships test with it.
        assertThat(all("union_with_exclude", IndirectSelection.EAGER)).containsExactly(ORDERS, REVENUE,
                ASSERT_REVENUE, EQUAL_ROWCOUNT, NOT_NULL_ORDERS, ORDERS_UNIT_TEST);
        assertThat(models("intersection")).containsExactly(STG_CUSTOMERS);
        assertThat(models("dict_exclude")).containsExactly(ORDERS, REVENUE);
        assertThat(models("list")).containsExactly(ORDERS, REVENUE);
    }

    @Test
    void documentedNightlyDietExample() {
        assertThat(models("nightly_diet")).containsExactly(ORDERS, REVENUE);
    }

    @Test
    void selectorInheritance() {
        assertThat(models("inherits")).containsExactly(ORDERS);
        assertThat(models("key_value_selector")).containsExactly(STG_CUSTOMERS);
    }

    @Test
    void selectorMethodFromTheCommandLineWithAndWithoutOperators() {
        assertThat(selector.select(manifest, SelectionRequest.select("selector:intersection")
                .withResourceTypes(MODEL))).containsExactly(STG_CUSTOMERS);
        assertThat(selector.select(manifest, SelectionRequest.select("selector:intersection+1")
                .withResourceTypes(MODEL))).containsExactly(STG_CUSTOMERS, CUSTOMERS, ORDERS);
    }

    @Test
    void aSelectorsOwnExclusionsAreNotUndoneByIndirectSelection() {
        assertThat(all("orders_without_data_tests", IndirectSelection.EAGER))
                .containsExactly(ORDERS, ORDERS_UNIT_TEST);
    }

    @Test
    void indirectSelectionInTheSelectorWinsOverTheRequest() {
        assertThat(all("cautious_orders", IndirectSelection.EAGER))
                .containsExactly(ORDERS, NOT_NULL_ORDERS, ORDERS_UNIT_TEST);
    }

    @Test
    void requestModeAppliesWhenTheSelectorNamesNone() {
        assertThat(all("plain_orders", IndirectSelection.CAUTIOUS))
                .containsExactly(ORDERS, NOT_NULL_ORDERS, ORDERS_UNIT_TEST);
        assertThat(all("plain_orders", IndirectSelection.EAGER))
                .containsExactly(ORDERS, EQUAL_ROWCOUNT, NOT_NULL_ORDERS, RELATIONSHIPS, ORDERS_UNIT_TEST);
    }

    @Test
    void selectorWinsOverSelectAndSaysSo() {
        SelectionResult result = selector.evaluate(manifest, SelectionRequest.select("dep_model")
                .withSelector("raw_def").withResourceTypes(MODEL));
        assertThat(result.selected()).containsExactly(REVENUE);
        assertThat(result.selectorUsed()).isEqualTo("raw_def");
        assertThat(result.warnings()).containsExactly(
                "--select and --exclude are ignored because --selector raw_def is given");
    }

    @Test
    void defaultSelectorAppliesOnlyWithoutSelectionFlags() {
        Manifest withDefault = SampleProject.fixture()
                .defaultSelector("root_only", map("method", "package", "value", "p"))
                .selector("other", "dep_model")
                .build();
        assertThat(NodeSelector.defaultSelector(withDefault)).contains("root_only");
        SelectionResult result = selector.evaluate(withDefault, SelectionRequest.all().withResourceTypes(MODEL));
        assertThat(result.selected()).containsExactly(STG_CUSTOMERS, CUSTOMERS, STG_ORDERS, ORDERS, REVENUE);
        assertThat(result.selectorUsed()).isEqualTo("root_only");
        assertThat(selector.select(withDefault, SelectionRequest.select("dep_model").withResourceTypes(MODEL)))
                .containsExactly(DEP_MODEL);
        assertThat(selector.select(withDefault, SelectionRequest.all().withExclude("tag:staging")
                .withResourceTypes(MODEL))).containsExactly(DEP_MODEL, CUSTOMERS, ORDERS, REVENUE);
        assertThat(selector.select(withDefault, SelectionRequest.selector("other").withResourceTypes(MODEL)))
                .containsExactly(DEP_MODEL);
    }

    @Test
    void defaultFlagMayBeRenderedText() {
        Manifest m = SampleProject.fixture()
                .rawSelector("dev", map("name", "dev", "default", "True", "definition", "revenue"))
                .rawSelector("prod", map("name", "prod", "default", "False", "definition", "orders"))
                .build();
        assertThat(NodeSelector.defaultSelector(m)).contains("dev");
        assertThat(NodeSelector.defaultSelector(manifest)).isEmpty();
    }

    @Test
    void twoDefaultSelectorsAreAnError() {
        Manifest m = SampleProject.fixture().defaultSelector("a", "orders").defaultSelector("b", "revenue").build();
        assertInvalid(m, SelectionRequest.all(), "Only one selector may set 'default: true', found: a, b");
    }

    @Test
    void unknownSelectorNamesTheKnownOnes() {
        assertInvalid(manifest, SelectionRequest.selector("nope"), "Could not find selector named 'nope'");
        assertInvalid(SampleProject.manifest(), SelectionRequest.selector("nope"), "selectors.yml defines none");
    }

    @Test
    void malformedDefinitionsAreSelectorErrors() {
        Manifest m = SampleProject.fixture()
                .selector("bad_key", map("method", "tag", "value", "x", "colour", "red"))
                .selector("no_value", map("method", "tag"))
                .selector("union_not_list", map("union", "orders"))
                .selector("lonely_exclude", map("exclude", List.of("orders")))
                .selector("bad_depth", map("method", "fqn", "value", "orders", "parents", true,
                        "parents_depth", "deep"))
                .selector("bad_mode", map("method", "fqn", "value", "orders", "indirect_selection", "greedy"))
                .selector("bad_method", map("method", "colour", "value", "red"))
                .selector("only_excludes", map("union", List.of(map("exclude", List.of("orders")))))
                .rawSelector("null_definition", map("name", "x", "definition", null))
                .rawSelector("blank_definition", map("name", "x", "definition", " "))
                .build();
        assertInvalid(m, SelectionRequest.selector("bad_key"), "unknown key 'colour'");
        assertInvalid(m, SelectionRequest.selector("no_value"), "needs a 'value'");
        assertInvalid(m, SelectionRequest.selector("union_not_list"), "'union' needs a list");
        assertInvalid(m, SelectionRequest.selector("lonely_exclude"), "'exclude' may only appear inside");
        assertInvalid(m, SelectionRequest.selector("bad_depth"), "depth must be a whole number");
        assertInvalid(m, SelectionRequest.selector("bad_mode"), "Invalid indirect selection mode 'greedy'");
        assertInvalid(m, SelectionRequest.selector("bad_method"), "'colour' is not a valid selector method");
        assertInvalid(m, SelectionRequest.selector("only_excludes"), "needs at least one item besides 'exclude'");
        assertInvalid(m, SelectionRequest.selector("null_definition"), "it has no definition");
        assertInvalid(m, SelectionRequest.selector("blank_definition"), "Empty selection");
    }

    @Test
    void selectorsReferringToEachOtherInACycleAreAnError() {
        Manifest m = SampleProject.fixture()
                .selector("a", map("selector", "b"))
                .selector("b", map("union", List.of("orders", map("method", "selector", "value", "a"))))
                .build();
        assertInvalid(m, SelectionRequest.selector("a"), "Selectors refer to each other in a cycle: a --> b --> a");
    }
}
