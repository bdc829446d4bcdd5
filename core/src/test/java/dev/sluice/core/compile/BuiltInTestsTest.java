package dev.sluice.core.compile;

import static dev.sluice.core.compile.BuiltInTests.COLUMN_MARKER;
import static dev.sluice.core.compile.BuiltInTests.MODEL_MARKER;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuiltInTestsTest {
    @Test
    void fillsEveryMarkerInOnePass() {
        String shape = "\nselect " + COLUMN_MARKER + "\nfrom " + MODEL_MARKER + "\nwhere " + COLUMN_MARKER + " is null\n";
        assertThat(BuiltInTests.fill(shape, "\"db\".\"main\".\"t\"", "id"))
                .isEqualTo("\nselect id\nfrom \"db\".\"main\".\"t\"\nwhere id is null\n");
    }

    @Test
    void aValueHoldingAMarkerIsNotFilledAgain() {
        assertThat(BuiltInTests.fill(MODEL_MARKER + "|" + COLUMN_MARKER, COLUMN_MARKER, "c"))
                .isEqualTo(COLUMN_MARKER + "|c");
    }
}
