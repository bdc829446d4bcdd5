package dev.sluice.core.freshness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimestampsTest {
    private static final Instant NOON = Instant.parse("2024-05-01T12:00:00Z");

    @Test
    void naiveTimestampsAreUtc() {
        assertThat(Timestamps.toInstant(LocalDateTime.of(2024, 5, 1, 12, 0))).isEqualTo(NOON);
        assertThat(Timestamps.toInstant("2024-05-01 12:00:00")).isEqualTo(NOON);
        assertThat(Timestamps.toInstant("2024-05-01T12:00:00.000000")).isEqualTo(NOON);
    }

    @Test
    void zonedTimestampsAreConvertedToUtc() {
        assertThat(Timestamps.toInstant(OffsetDateTime.of(2024, 5, 1, 14, 0, 0, 0, ZoneOffset.ofHours(2))))
                .isEqualTo(NOON);
        assertThat(Timestamps.toInstant(LocalDateTime.of(2024, 5, 1, 8, 0).atZone(ZoneId.of("America/New_York"))))
                .isEqualTo(NOON);
        assertThat(Timestamps.toInstant("2024-05-01 07:00:00-05:00")).isEqualTo(NOON);
        assertThat(Timestamps.toInstant("2024-05-01T12:00:00+00:00")).isEqualTo(NOON);
        assertThat(Timestamps.toInstant(NOON)).isEqualTo(NOON);
    }

    @Test
    void datesAreMidnightUtcAndNullStaysNull() {
        assertThat(Timestamps.toInstant(LocalDate.of(2024, 5, 1))).isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
        assertThat(Timestamps.toInstant(null)).isNull();
        assertThatThrownBy(() -> Timestamps.toInstant("yesterday")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Timestamps.toInstant(42)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isoIsPythonsIsoformatOfAUtcDatetime() {
        assertThat(Timestamps.iso(NOON)).isEqualTo("2024-05-01T12:00:00+00:00");
        assertThat(Timestamps.iso(NOON.plusNanos(456_789_999))).isEqualTo("2024-05-01T12:00:00.456789+00:00");
    }

    @Test
    void secondsBetweenKeepsMicroseconds() {
        assertThat(Timestamps.secondsBetween(NOON, NOON.plusSeconds(5400).plusNanos(250_000_000))).isEqualTo(5400.25);
        assertThat(Timestamps.secondsBetween(NOON, NOON.minusSeconds(60))).isEqualTo(-60.0);
    }
}
