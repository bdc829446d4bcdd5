package dev.sluice.core.graph;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.graph.SelectionSpec.Criterion;
import dev.sluice.core.graph.SelectionSpec.Difference;
import dev.sluice.core.graph.SelectionSpec.Intersection;
import dev.sluice.core.graph.SelectionSpec.Union;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SelectionParserTest {
    private final SelectionParser parser = new SelectionParser();

    @Test
    void bareNameIsFqnWithoutOperators() {
        Criterion c = parser.parseCriterion("orders");
        assertThat(c.method()).isEqualTo("fqn");
        assertThat(c.value()).isEqualTo("orders");
        assertThat(c.hasGraphOperators()).isFalse();
        assertThat(c.arguments()).isEmpty();
        assertThat(c.indirect()).isNull();
    }

    @Test
    void defaultMethodIsPathForSlashesAndFileForExtensions() {
        assertThat(parser.parseCriterion("models/staging").method()).isEqualTo("path");
        assertThat(parser.parseCriterion("models\\staging").method()).isEqualTo("path");
        assertThat(parser.parseCriterion("stg_orders.sql").method()).isEqualTo("file");
        assertThat(parser.parseCriterion("model.py").method()).isEqualTo("file");
        assertThat(parser.parseCriterion("raw_customers.CSV").method()).isEqualTo("file");
        assertThat(parser.parseCriterion("jaffle_shop.staging.*").method()).isEqualTo("fqn");
    }

    @Test
    void plusOperatorsWithAndWithoutDepth() {
        Criterion up = parser.parseCriterion("+orders");
        assertThat(up.parents()).isTrue();
        assertThat(up.parentsDepth()).isEqualTo(Dag.UNLIMITED);
        assertThat(up.children()).isFalse();

        Criterion both = parser.parseCriterion("3+tag:nightly+4");
        assertThat(both.parents()).isTrue();
        assertThat(both.parentsDepth()).isEqualTo(3);
        assertThat(both.children()).isTrue();
        assertThat(both.childrenDepth()).isEqualTo(4);
        assertThat(both.method()).isEqualTo("tag");
        assertThat(both.value()).isEqualTo("nightly");
        assertThat(both.raw()).isEqualTo("3+tag:nightly+4");

        Criterion down = parser.parseCriterion("orders+");
        assertThat(down.children()).isTrue();
        assertThat(down.childrenDepth()).isEqualTo(Dag.UNLIMITED);
        assertThat(down.parents()).isFalse();
    }

    @Test
    void atOperator() {
        Criterion c = parser.parseCriterion("@source:raw");
        assertThat(c.childrensParents()).isTrue();
        assertThat(c.method()).isEqualTo("source");
        assertThat(c.value()).isEqualTo("raw");
    }

    @Test
    void dottedMethodCarriesArguments() {
        Criterion c = parser.parseCriterion("config.meta.owner:alice");
        assertThat(c.method()).isEqualTo("config");
        assertThat(c.arguments()).containsExactly("meta", "owner");
        assertThat(c.value()).isEqualTo("alice");
    }

    @Test
    void valueMayContainColonsAndSlashesAfterTheMethod() {
        Criterion c = parser.parseCriterion("path:models/a:b.sql");
        assertThat(c.method()).isEqualTo("path");
        assertThat(c.value()).isEqualTo("models/a:b.sql");
    }

    @Test
    void spacesAreUnionAndCommasAreIntersection() {
        SelectionSpec spec = parser.parseUnion(List.of("a b,tag:x", "c"));
        assertThat(spec).isInstanceOf(Union.class);
        List<SelectionSpec> parts = ((Union) spec).parts();
        assertThat(parts).hasSize(3);
        assertThat(((Criterion) parts.get(0)).value()).isEqualTo("a");
        assertThat(parts.get(1)).isInstanceOf(Intersection.class);
        assertThat(((Intersection) parts.get(1)).parts()).extracting(p -> ((Criterion) p).value())
                .containsExactly("b", "x");
        assertThat(((Criterion) parts.get(2)).value()).isEqualTo("c");
    }

    @Test
    void singleTermIsNotWrapped() {
        assertThat(parser.parseUnion(List.of("  orders  "))).isInstanceOf(Criterion.class);
    }

    @Test
    void excludeMakesADifferenceAndNoSelectMeansEverything() {
        SelectionSpec spec = parser.parse(null, List.of("orders"));
        assertThat(spec).isInstanceOf(Difference.class);
        Difference d = (Difference) spec;
        assertThat(d.include()).isEqualTo(SelectionParser.everything());
        assertThat(((Criterion) d.exclude()).value()).isEqualTo("orders");
        assertThat(parser.parse(List.of(), null)).isEqualTo(SelectionParser.everything());
        assertThat(parser.parse(List.of(" "), List.of())).isEqualTo(SelectionParser.everything());
    }

    @Test
    void atAndParentPlusCannotBeCombined() {
        assertThatThrownBy(() -> parser.parseCriterion("@+orders"))
                .isInstanceOfSatisfying(SluiceException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.SELECTOR_INVALID))
                .hasMessageContaining("'@' and '+'");
    }

    @Test
    void operatorsWithoutAValueAreInvalid() {
        assertThatThrownBy(() -> parser.parseCriterion("+"))
                .isInstanceOf(SluiceException.class).hasMessageContaining("no value");
        assertThatThrownBy(() -> parser.parseCriterion("tag:"))
                .isInstanceOf(SluiceException.class).hasMessageContaining("no value");
        assertThatThrownBy(() -> parser.parseIntersection(","))
                .isInstanceOf(SluiceException.class).hasMessageContaining("names nothing");
    }

    @Test
    void hugeDepthMeansUnlimited() {
        assertThat(parser.parseCriterion("99999999999+orders").parentsDepth()).isEqualTo(Dag.UNLIMITED);
    }
}
