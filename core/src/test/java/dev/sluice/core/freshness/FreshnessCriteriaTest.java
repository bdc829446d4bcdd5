package dev.sluice.core.freshness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.errors.SluiceException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FreshnessCriteriaTest {
    private static final double HOUR = 3600;

    private static Map<String, Object> block(Object warn, Object error, String filter) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("warn_after", warn);
        block.put("error_after", error);
        block.put("filter", filter);
        return block;
    }

    private static Map<String, Object> after(Object count, String period) {
        Map<String, Object> time = new LinkedHashMap<>();
        time.put("count", count);
        time.put("period", period);
        return time;
    }

    @Test
    void gradesAgeAgainstBothThresholds() {
        FreshnessCriteria criteria = FreshnessCriteria.of(block(after(12, "hour"), after(48, "hour"), null));
        assertThat(criteria.status(1 * HOUR)).isEqualTo(FreshnessStatus.PASS);
        assertThat(criteria.status(30 * HOUR)).isEqualTo(FreshnessStatus.WARN);
        assertThat(criteria.status(100 * HOUR)).isEqualTo(FreshnessStatus.ERROR);
    }

    @Test
    void anAgeEqualToTheThresholdIsNotPastIt() {
        FreshnessCriteria criteria = FreshnessCriteria.of(block(after(12, "hour"), after(2, "day"), null));
        assertThat(criteria.status(12 * HOUR)).isEqualTo(FreshnessStatus.PASS);
        assertThat(criteria.status(12 * HOUR + 0.001)).isEqualTo(FreshnessStatus.WARN);
        assertThat(criteria.status(48 * HOUR)).isEqualTo(FreshnessStatus.WARN);
        assertThat(criteria.status(48 * HOUR + 1)).isEqualTo(FreshnessStatus.ERROR);
    }

    @Test
    void periodsAreMinutesHoursAndDays() {
        assertThat(FreshnessCriteria.of(block(after(90, "minute"), null, null)).warnAfter().seconds()).isEqualTo(5400);
        assertThat(FreshnessCriteria.of(block(after("3", "Day"), null, null)).warnAfter().seconds()).isEqualTo(259200);
        assertThat(FreshnessCriteria.of(block(after(1L, "hour"), null, null)).warnAfter().seconds()).isEqualTo(3600);
    }

    @Test
    void onlyOneThresholdSet() {
        FreshnessCriteria warnOnly = FreshnessCriteria.of(block(after(1, "hour"), null, null));
        assertThat(warnOnly.isActive()).isTrue();
        assertThat(warnOnly.status(1000 * HOUR)).isEqualTo(FreshnessStatus.WARN);
        FreshnessCriteria errorOnly = FreshnessCriteria.of(block(null, after(1, "hour"), null));
        assertThat(errorOnly.status(0.5 * HOUR)).isEqualTo(FreshnessStatus.PASS);
        assertThat(errorOnly.status(2 * HOUR)).isEqualTo(FreshnessStatus.ERROR);
    }

    @Test
    void aThresholdMissingCountOrPeriodIsUnsetAndNoBlockIsInactive() {
        assertThat(FreshnessCriteria.of(block(after(null, "hour"), after(12, null), "x > 1")).isActive()).isFalse();
        assertThat(FreshnessCriteria.of(null).isActive()).isFalse();
        assertThat(FreshnessCriteria.of(Map.of("filter", "a = 1")).isActive()).isFalse();
        assertThat(FreshnessCriteria.of(Map.of("filter", "a = 1")).filter()).isEqualTo("a = 1");
    }

    @Test
    void badPeriodsAndCountsAreConfigErrors() {
        assertThatThrownBy(() -> FreshnessCriteria.of(block(after(1, "week"), null, null)))
                .isInstanceOf(SluiceException.class).hasMessageContaining("warn_after.period")
                .hasMessageContaining("week");
        assertThatThrownBy(() -> FreshnessCriteria.of(block(null, after("soon", "hour"), null)))
                .isInstanceOf(SluiceException.class).hasMessageContaining("error_after.count");
        assertThatThrownBy(() -> FreshnessCriteria.of(block("12 hours", null, null)))
                .isInstanceOf(SluiceException.class).hasMessageContaining("mapping");
    }

    @Test
    void statusesMapToNodeStatusesAndConsoleWords() {
        assertThat(FreshnessStatus.ERROR.summary()).isEqualTo("ERROR STALE");
        assertThat(FreshnessStatus.ERROR.nodeStatus().isFailure()).isTrue();
        assertThat(FreshnessStatus.RUNTIME_ERROR.nodeStatus().isFailure()).isTrue();
        assertThat(FreshnessStatus.WARN.nodeStatus().isFailure()).isFalse();
        assertThat(FreshnessStatus.fromDbtName("runtime error")).isEqualTo(FreshnessStatus.RUNTIME_ERROR);
    }
}
