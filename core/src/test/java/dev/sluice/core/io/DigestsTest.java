package dev.sluice.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DigestsTest {
    @Test
    void knownDigestsAndTheSameAnswerWhenTheDigestIsReused() {
        assertThat(Digests.sha256("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Digests.md5("")).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
        assertThat(Digests.md5("abc")).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
        // the per-thread digest must be reset between uses
        assertThat(Digests.md5("abc")).isEqualTo(Digests.md5("abc"));
        assertThat(Digests.sha256("select 1")).isEqualTo(Digests.sha256("select 1")).hasSize(64);
    }

    @Test
    void hexIsWhatHexFormatGives() {
        java.util.Random random = new java.util.Random(3);
        for (int n = 0; n < 200; n++) {
            byte[] bytes = new byte[random.nextInt(40)];
            random.nextBytes(bytes);
            assertThat(Digests.hex(bytes)).isEqualTo(java.util.HexFormat.of().formatHex(bytes));
        }
    }
}
