package dev.sluice.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DecimalsTest {
    private static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    @Test
    void printsAsPercentPointTwoF() {
        double[] values = {0, 0.001, 0.004999, 0.005, 0.015, 0.025, 0.125, 1.005, 2.675, 0.995, 9.995, 99.999, 1, 10,
            123456.789, 1e-9, 3.14159, 0.045, 1.115, 59.999999, 1e15 + 0.3};
        for (double value : values) {
            assertThat(Decimals.two(value)).as("%s", value).isEqualTo(format(value));
        }
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            double value = i % 2 == 0 ? random.nextDouble() * 100 : Math.round(random.nextDouble() * 100_000) / 1000.0;
            assertThat(Decimals.two(value)).as("%s", value).isEqualTo(format(value));
        }
    }

    @Test
    void oddValuesAsFormatPrintsThem() {
        assertThat(Decimals.two(-0.001)).isEqualTo(format(-0.001));
        assertThat(Decimals.two(-1.5)).isEqualTo("-1.50");
        assertThat(Decimals.two(Double.NaN)).isEqualTo("NaN");
    }
}
