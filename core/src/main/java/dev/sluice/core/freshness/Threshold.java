package dev.sluice.core.freshness;

/**
 * One of {@code warn_after} / {@code error_after}: {@code count} periods. Either part may be null, and then, as in dbt,
 * the threshold is not set and is never exceeded.
 */
public record Threshold(Long count, Period period) {
    public static final Threshold UNSET = new Threshold(null, null);

    public boolean isSet() {
        return count != null && period != null;
    }

    /** The threshold in seconds; only meaningful when {@link #isSet()}. */
    public long seconds() {
        return count * period.seconds();
    }

    /** dbt's rule: an age is past the threshold when it is strictly greater than it. */
    public boolean exceededBy(double ageSeconds) {
        return isSet() && ageSeconds > seconds();
    }
}
