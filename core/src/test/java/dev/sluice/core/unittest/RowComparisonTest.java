package dev.sluice.core.unittest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowComparisonTest {
    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    @Test
    void orderDoesNotMatterAndNumbersCompareByValue() {
        RowComparison.Result result = RowComparison.compare(
                List.of(row(1, new BigDecimal("10.50")), row(2, null)),
                List.of(row(2L, null), row(1L, 10.5)));
        assertThat(result.equal()).isTrue();
        assertThat(result.differing()).isZero();
    }

    @Test
    void duplicatesCountAndDifferencesAreMarkedAndSorted() {
        RowComparison.Result result = RowComparison.compare(
                List.of(row(1, "a"), row(1, "a"), row(10, "c")),
                List.of(row(1, "a"), row(2, "b"), row(10, "c")));
        assertThat(result.equal()).isFalse();
        assertThat(result.differing()).isEqualTo(2);
        assertThat(result.rows()).extracting(r -> r.mark().symbol + r.values()).containsExactly(
                "   [1, a]", "---[1, a]", "+++[2, b]", "   [10, c]");
    }
}
