package dev.sluice.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Type inference on values alone, without a server. */
class CsvTypesTest {
    private static String infer(String... values) {
        CsvTypes types = new CsvTypes();
        for (String value : values) {
            types.accept(0, value.toCharArray(), value.length());
        }
        return types.types(1).get(0);
    }

    @Test
    void numbers() {
        assertThat(infer("1", "-7", "0", "2147483647")).isEqualTo("integer");
        assertThat(infer("1", "2147483648")).isEqualTo("bigint");
        assertThat(infer("-9223372036854775808")).isEqualTo("bigint");
        assertThat(infer("9223372036854775808")).isEqualTo("numeric");
        assertThat(infer("1", "1.5")).isEqualTo("float8");
        assertThat(infer(".5", "1.", "1e-3", "2E+10")).isEqualTo("float8");
        assertThat(infer("01234")).isEqualTo("text");
        assertThat(infer("+3")).isEqualTo("text");
        assertThat(infer("1_000")).isEqualTo("text");
        assertThat(infer("1e")).isEqualTo("text");
        assertThat(infer("-")).isEqualTo("text");
    }

    @Test
    void datesTimesAndBooleans() {
        assertThat(infer("2024-01-02", "")).isEqualTo("date");
        assertThat(infer("2024-01-02", "2024-01-02 03:04")).isEqualTo("timestamp");
        assertThat(infer("2024-01-02T03:04:05.123456")).isEqualTo("timestamp");
        assertThat(infer("2024-01-02T03:04:05Z", "2024-01-02 03:04:05-0530", "2024-01-02 03:04:05+02")).isEqualTo("timestamptz");
        assertThat(infer("2024-01-02T03:04:05Z", "2024-01-02 03:04:05")).isEqualTo("text");
        assertThat(infer("2023-02-29")).isEqualTo("text");
        assertThat(infer("01/02/2024")).isEqualTo("text");
        assertThat(infer("True", "false", "FALSE")).isEqualTo("boolean");
        assertThat(infer("true", "1")).isEqualTo("text");
        assertThat(infer("t", "f")).isEqualTo("text");
        assertThat(infer("", "")).isEqualTo("text");
        assertThat(new CsvTypes().types(2)).isEqualTo(List.of("text", "text"));
    }
}
