package dev.sluice.core.freshness;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import java.util.Map;

/**
 * A source table's {@code freshness:} block: {@code warn_after}, {@code error_after} and an optional SQL
 * {@code filter}. A source is checked only when at least one threshold is set ({@link #isActive()}).
 */
public record FreshnessCriteria(Threshold warnAfter, Threshold errorAfter, String filter) {

    public FreshnessCriteria {
        warnAfter = warnAfter == null ? Threshold.UNSET : warnAfter;
        errorAfter = errorAfter == null ? Threshold.UNSET : errorAfter;
        filter = filter == null || filter.isBlank() ? null : filter;
    }

    /** Reads a YAML freshness block; null (no block, or {@code freshness: null}) gives the inactive criteria. */
    public static FreshnessCriteria of(Map<?, ?> block) {
        if (block == null) {
            return new FreshnessCriteria(null, null, null);
        }
        Object filter = block.get("filter");
        return new FreshnessCriteria(threshold(block.get("warn_after"), "warn_after"),
                threshold(block.get("error_after"), "error_after"), filter == null ? null : String.valueOf(filter));
    }

    public boolean isActive() {
        return warnAfter.isSet() || errorAfter.isSet();
    }

    /** error when past {@code error_after}, else warn when past {@code warn_after}, else pass. */
    public FreshnessStatus status(double ageSeconds) {
        if (errorAfter.exceededBy(ageSeconds)) {
            return FreshnessStatus.ERROR;
        }
        if (warnAfter.exceededBy(ageSeconds)) {
            return FreshnessStatus.WARN;
        }
        return FreshnessStatus.PASS;
    }

    private static Threshold threshold(Object raw, String key) {
        if (raw == null) {
            return Threshold.UNSET;
        }
        if (!(raw instanceof Map<?, ?> map)) {
            throw invalid(key + " must be a mapping like {count: 12, period: hour}, got '" + raw + "'");
        }
        Object period = map.get("period");
        Period parsed = Period.parse(period == null ? null : String.valueOf(period));
        if (period != null && parsed == null) {
            throw invalid(key + ".period must be one of minute, hour, day; got '" + period + "'");
        }
        return new Threshold(count(map.get("count"), key), parsed);
    }

    private static Long count(Object raw, String key) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof Number n && n.doubleValue() == n.longValue()) {
            return n.longValue();
        }
        try {
            return Long.parseLong(String.valueOf(raw).trim());
        } catch (NumberFormatException e) {
            throw invalid(key + ".count must be a whole number, got '" + raw + "'");
        }
    }

    private static SluiceException invalid(String message) {
        return new SluiceException(ErrorCode.CONFIG_INVALID, "Invalid freshness config: " + message);
    }
}
