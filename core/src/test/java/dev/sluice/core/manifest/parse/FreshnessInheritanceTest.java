package dev.sluice.core.manifest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FreshnessInheritanceTest {
    private static final Object NONE = FreshnessInheritance.projectLevel(false, null);

    private static Map<String, Object> time(int count, String period) {
        return Map.of("count", count, "period", period);
    }

    private static Map<String, Object> entry(Object... keyValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            out.put((String) keyValues[i], keyValues[i + 1]);
        }
        return out;
    }

    private static Object fresh(Map<String, Object> entry) {
        return FreshnessInheritance.level(entry, "freshness");
    }

    @Test
    void aTableWithoutFreshnessInheritsTheSources() {
        Map<String, Object> source = entry("freshness", entry("warn_after", time(12, "hour")));
        assertThat(FreshnessInheritance.freshness(NONE, fresh(source), fresh(entry("name", "t"))))
                .isEqualTo(Map.of("warn_after", time(12, "hour")));
    }

    @Test
    void tableThresholdsMergeOverTheSourcesOneLevelDeep() {
        Map<String, Object> source = entry("freshness", entry("warn_after", time(12, "hour"),
                "error_after", time(24, "hour"), "filter", "a > 1"));
        Map<String, Object> table = entry("freshness", entry("error_after", Map.of("count", 48)));
        Map<String, Object> merged = FreshnessInheritance.freshness(NONE, fresh(source), fresh(table));
        assertThat(merged).containsEntry("warn_after", time(12, "hour"))
                .containsEntry("error_after", Map.of("count", 48, "period", "hour"))
                .containsEntry("filter", "a > 1");
    }

    @Test
    void nullDisablesFreshnessOrOneThreshold() {
        Map<String, Object> source = entry("freshness", entry("warn_after", time(12, "hour"),
                "error_after", time(24, "hour")));
        Map<String, Object> off = new HashMap<>();
        off.put("freshness", null);
        assertThat(FreshnessInheritance.freshness(NONE, fresh(source), fresh(off))).isNull();
        Map<String, Object> noWarn = new HashMap<>();
        noWarn.put("warn_after", null);
        assertThat(FreshnessInheritance.freshness(NONE, fresh(source), fresh(entry("freshness", noWarn))))
                .containsEntry("warn_after", null).containsEntry("error_after", time(24, "hour"));
    }

    @Test
    void configFreshnessWinsAtItsLevelAndProjectConfigIsTheBase() {
        Map<String, Object> table = entry("freshness", entry("warn_after", time(1, "hour")),
                "config", entry("freshness", entry("warn_after", time(2, "hour"))));
        Object project = FreshnessInheritance.projectLevel(true, entry("error_after", time(3, "day")));
        assertThat(FreshnessInheritance.freshness(project, fresh(entry()), fresh(table)))
                .isEqualTo(Map.of("warn_after", time(2, "hour"), "error_after", time(3, "day")));
    }

    @Test
    void loadedAtFieldTakesTheMostSpecificLevel() {
        Object project = FreshnessInheritance.projectLevel(true, "_loaded");
        Map<String, Object> source = entry("loaded_at_field", "source_loaded");
        Map<String, Object> table = entry("config", entry("loaded_at_field", "table_loaded"));
        assertThat(FreshnessInheritance.loadedAtField(project, FreshnessInheritance.level(source, "loaded_at_field"),
                FreshnessInheritance.level(table, "loaded_at_field"))).isEqualTo("table_loaded");
        assertThat(FreshnessInheritance.loadedAtField(project, FreshnessInheritance.level(source, "loaded_at_field"),
                FreshnessInheritance.level(entry(), "loaded_at_field"))).isEqualTo("source_loaded");
        assertThat(FreshnessInheritance.loadedAtField(NONE, NONE, NONE)).isNull();
    }
}
