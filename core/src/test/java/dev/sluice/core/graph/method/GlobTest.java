package dev.sluice.core.graph.method;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GlobTest {

    @Test
    void plainTextMustMatchExactly() {
        assertThat(Glob.matches("orders", "orders")).isTrue();
        assertThat(Glob.matches("orders", "Orders")).isFalse();
        assertThat(Glob.matches("orders", null)).isFalse();
        assertThat(Glob.matches("a.b", "axb")).isFalse();
    }

    @Test
    void starQuestionMarkAndClasses() {
        assertThat(Glob.matches("stg_*", "stg_orders")).isTrue();
        assertThat(Glob.matches("*", "")).isTrue();
        assertThat(Glob.matches("*_source", "snowplow_source")).isTrue();
        assertThat(Glob.matches("stg_?rders", "stg_orders")).isTrue();
        assertThat(Glob.matches("[ab]*", "beta")).isTrue();
        assertThat(Glob.matches("[a-c]x", "dx")).isFalse();
        assertThat(Glob.matches("[!a]x", "bx")).isTrue();
        assertThat(Glob.matches("[!a]x", "ax")).isFalse();
        assertThat(Glob.matches("[^]x", "^x")).isTrue();
        assertThat(Glob.matches("a[", "a[")).isTrue();
        assertThat(Glob.matches("*.stg_orders", "p.staging.stg_orders")).isTrue();
    }

    @Test
    void pathGlobsKeepStarInsideOneFolder() {
        assertThat(Glob.matchesPath("models/*.sql", "models/a.sql")).isTrue();
        assertThat(Glob.matchesPath("models/*.sql", "models/staging/a.sql")).isFalse();
        assertThat(Glob.matchesPath("models/**/a.sql", "models/staging/deep/a.sql")).isTrue();
        assertThat(Glob.matchesPath("models/**/a.sql", "models/a.sql")).isTrue();
        assertThat(Glob.matchesPath("models/**", "models/x/y.sql")).isTrue();
        assertThat(Glob.matchesPath("models/?.sql", "models/a.sql")).isTrue();
        assertThat(Glob.matchesPath("models/staging", "models/staging")).isTrue();
    }
}
