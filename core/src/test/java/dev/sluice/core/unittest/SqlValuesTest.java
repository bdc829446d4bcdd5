package dev.sluice.core.unittest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlValuesTest {
    private final AnsiDialect dialect = new AnsiDialect();

    private String infer(Object... values) {
        return SqlValues.inferType(Arrays.asList(values), dialect);
    }

    @Test
    void typesAreInferredFromYamlValuesAndCsvText() {
        assertThat(infer(1, 2, null)).isEqualTo("integer");
        assertThat(infer("1", "-20")).isEqualTo("integer");
        assertThat(infer(1, 3_000_000_000L)).isEqualTo("bigint");
        assertThat(infer(1, 2.5)).isEqualTo("double precision");
        assertThat(infer("1.25", "3")).isEqualTo("double precision");
        assertThat(infer(true, "false")).isEqualTo("boolean");
        assertThat(infer(1, "x")).isEqualTo("varchar");
        assertThat(infer((Object) null)).isEqualTo("varchar");
        assertThat(SqlValues.inferType(List.of(), dialect)).isEqualTo("varchar");
    }

    @Test
    void literalsKeepNumbersAndBooleansBareAndQuoteTheRest() {
        assertThat(SqlValues.literal(null, dialect)).isEqualTo("null");
        assertThat(SqlValues.literal(7, dialect)).isEqualTo("7");
        assertThat(SqlValues.literal(0.1, dialect)).isEqualTo("0.1");
        assertThat(SqlValues.literal(1e20, dialect)).isEqualTo("100000000000000000000");
        assertThat(SqlValues.literal(new BigDecimal("2.50"), dialect)).isEqualTo("2.50");
        assertThat(SqlValues.literal(false, dialect)).isEqualTo("false");
        assertThat(SqlValues.literal("it's", dialect)).isEqualTo("'it''s'");
    }

    @Test
    void yamlTimestampsPrintAsWritten() {
        assertThat(SqlValues.text(Date.from(java.time.Instant.parse("2024-03-01T00:00:00Z")))).isEqualTo("2024-03-01");
        assertThat(SqlValues.text(Date.from(java.time.Instant.parse("2024-03-01T10:15:30Z"))))
                .isEqualTo("2024-03-01 10:15:30");
    }
}
