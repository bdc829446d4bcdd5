package dev.sluice.core.unittest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiffTextTest {
    @Test
    void aTableOfMatchedMissingAndUnexpectedRows() {
        RowComparison.Result result = RowComparison.compare(
                List.of(Arrays.asList(1, "Ada"), Arrays.asList(2, "Grace")),
                List.of(Arrays.asList(1, "Ada"), Arrays.asList(2, null)));
        assertThat(DiffText.of(List.of("id", "name"), result)).isEqualTo("""
                actual differs from expected:

                @@  | id | name
                    | 1  | Ada
                --- | 2  | Grace
                +++ | 2  | null""");
    }
}
