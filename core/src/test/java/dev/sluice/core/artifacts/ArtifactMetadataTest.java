package dev.sluice.core.artifacts;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ArtifactMetadataTest {

    @Test
    void timestampsUseMicrosecondsAndZLikeDbt() {
        assertThat(Json.iso(Instant.parse("2024-01-02T03:04:05Z"))).isEqualTo("2024-01-02T03:04:05.000000Z");
        assertThat(Json.iso(Instant.parse("2024-01-02T03:04:05.987654321Z")))
                .isEqualTo("2024-01-02T03:04:05.987654Z");
        assertThat(Json.epochSeconds(Instant.parse("1970-01-01T00:00:10.000500Z")).decimalValue().toPlainString())
                .isEqualTo("10.000500");
    }

    @Test
    void timestampsAreWhatTheIsoPatternPrints() {
        java.time.format.DateTimeFormatter pattern = java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(java.time.ZoneOffset.UTC);
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 20_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong() % 250_000_000_000L, random.nextInt(1_000_000_000));
            assertThat(Json.iso(at)).isEqualTo(pattern.format(at));
        }
        assertThat(Json.iso(Instant.parse("0999-12-31T23:59:59.999999999Z"))).isEqualTo("0999-12-31T23:59:59.999999Z");
    }

    @Test
    void secondsArePlainDecimals() {
        assertThat(Json.seconds(0.0001).toString()).isEqualTo("0.0001");
        assertThat(Json.seconds(12.0).toString()).isEqualTo("12.0");
        assertThat(Json.seconds(1.23456789).toString()).isEqualTo("1.234568");
        assertThat(Json.seconds(Double.NaN).toString()).isEqualTo("0.0");
    }

    @Test
    void secretEnvironmentValuesNeverReachArtifacts() {
        ArtifactMetadata meta = ArtifactMetadata.forRunResults(UUID.randomUUID(), Instant.now())
                .withEnv(Map.of("DBT_ENV_CUSTOM_ENV_team", "data", "DBT_ENV_SECRET_TOKEN", "hunter2"));
        assertThat(meta.env()).containsExactly(Map.entry("DBT_ENV_CUSTOM_ENV_team", "data"));
    }

    @Test
    void manifestMetadataNamesTheProjectAndTheDbtRelease() {
        ArtifactMetadata meta = ArtifactMetadata.forManifest("my_project", "duckdb", UUID.randomUUID(),
                Instant.now());
        assertThat(meta.dbtSchemaVersion()).isEqualTo(ArtifactMetadata.MANIFEST_SCHEMA);
        assertThat(meta.dbtVersion()).isEqualTo("1.9.0");
        assertThat(meta.projectId()).isEqualTo(Hashes.md5("my_project")).hasSize(32);
        assertThat(meta.userId()).isNull();
        assertThat(meta.sendAnonymousUsageStats()).isFalse();
    }
}
