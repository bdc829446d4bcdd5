package dev.sluice.cli.output;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * A duration in seconds with two decimals, exactly as {@code String.format(Locale.ROOT, "%.2f", seconds)} prints it
 * (half-up on the shortest decimal form of the double), without a Formatter per node line.
 */
final class Decimals {
    private Decimals() {
    }

    static String two(double value) {
        if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
