package dev.sluice.core.manifest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.errors.SourceLocation;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.ResourceType;
import dev.sluice.core.manifest.UnitTestDefinition;
import dev.sluice.core.project.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnitTestBuilderTest {
    @TempDir
    Path root;

    private Node build(String yaml) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) YamlReader.parse(yaml, "models/staging/unit.yml");
        ProjectFile file = new ProjectFile(root.resolve("models/staging/unit.yml"), "models/staging/unit.yml", "models",
                "staging/unit.yml");
        return new UnitTestBuilder(root, List.of("tests")).build(new SchemaFile.UnitTestEntry(body, file, 4), "shop");
    }

    @Test
    void anEntryBecomesAUnitTestNodeThatRefsItsModel() {
        Node node = build("""
                name: counts_orders
                model: stg_orders
                description: counts
                config: {tags: [nightly], meta: {owner: ana}, enabled: true}
                given:
                  - input: source('raw', 'orders')
                    format: csv
                    rows: "id\\n1\\n"
                  - input: this
                    rows: [{id: 1}]
                expect:
                  rows: [{n: 1}]
                overrides:
                  macros: {is_incremental: true}
                  vars: {day: '2024-01-01'}
                """);
        assertThat(node.uniqueId).isEqualTo("unit_test.shop.stg_orders.counts_orders");
        assertThat(node.resourceType).isEqualTo(ResourceType.UNIT_TEST);
        assertThat(node.fqn).containsExactly("shop", "staging", "stg_orders", "counts_orders");
        assertThat(node.refs).containsExactly(List.of("stg_orders"));
        assertThat(node.tags()).containsExactly("nightly");
        assertThat(node.meta).containsEntry("owner", "ana");
        assertThat(node.description).isEqualTo("counts");
        assertThat(node.line).isEqualTo(4);
        UnitTestDefinition definition = node.unitTest;
        assertThat(definition.model()).isEqualTo("stg_orders");
        assertThat(definition.given()).extracting(UnitTestDefinition.Given::input)
                .containsExactly("source('raw', 'orders')", "this");
        assertThat(definition.given().get(0).fixture().format()).isEqualTo(UnitTestDefinition.Format.CSV);
        assertThat(definition.expect().format()).isEqualTo(UnitTestDefinition.Format.DICT);
        assertThat(definition.overrides().declared()).isTrue();
        assertThat(definition.overrides().macros()).containsEntry("is_incremental", true);
        assertThat(definition.overrides().vars()).containsEntry("day", "2024-01-01");
        assertThat(definition.overrides().envVars()).isEmpty();
    }

    @Test
    void namedFixtureFilesAreReadFromTheTestPathsFixturesFolder() throws Exception {
        Files.createDirectories(root.resolve("tests/fixtures/nested"));
        Files.writeString(root.resolve("tests/fixtures/nested/orders_in.csv"), "id\n7\n");
        Node node = build("""
                name: t
                model: m
                given:
                  - {input: "ref('orders')", format: csv, fixture: orders_in}
                expect: {rows: []}
                """);
        UnitTestDefinition.Fixture fixture = node.unitTest.given().get(0).fixture();
        assertThat(fixture.fixture()).isEqualTo("orders_in");
        assertThat(fixture.rows()).isNull();
        assertThat(fixture.effectiveRows()).isEqualTo("id\n7\n");
        assertThat(node.unitTest.overrides().declared()).isFalse();
    }

    @Test
    void malformedEntriesAreYamlErrorsNamingTheFileAndTheTest() {
        assertThatThrownBy(() -> build("name: t\nmodel: m\ngiven: [{input: orders, rows: []}]\nexpect: {rows: []}"))
                .isInstanceOf(SluiceException.class)
                .hasMessageContaining("must be either a 'ref', 'source' or 'this' call. Got: 'orders'")
                .satisfies(e -> assertThat(((SluiceException) e).location())
                        .isEqualTo(SourceLocation.of("models/staging/unit.yml", 4)));
        assertThatThrownBy(() -> build("name: t\nmodel: m\ngiven: []"))
                .hasMessageContaining("unit test 't' needs an 'expect' mapping");
        assertThatThrownBy(() -> build("name: t\ngiven: []\nexpect: {rows: []}"))
                .hasMessageContaining("a unit test ('t') has no 'model'");
        assertThatThrownBy(() -> build("name: t\nmodel: m\nexpect: {format: json, rows: []}"))
                .hasMessageContaining("unknown format 'json' in expect of unit test 't'");
        assertThatThrownBy(() -> build("name: t\nmodel: m\nexpect: {format: csv, rows: [{a: 1}]}"))
                .hasMessageContaining("must be text for format csv");
        assertThatThrownBy(() -> build("name: t\nmodel: m\nexpect: {format: csv, fixture: nowhere}"))
                .hasMessageContaining("Could not find fixture file nowhere.csv");
    }
}
