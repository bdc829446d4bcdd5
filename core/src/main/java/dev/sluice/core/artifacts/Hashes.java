package dev.sluice.core.artifacts;

/** Hex digests as dbt writes them (file checksums are sha256, the project id is md5). */
final class Hashes {
    private Hashes() {
    }

    static String sha256(String text) {
        return dev.sluice.core.io.Digests.sha256(text);
    }

    static String md5(String text) {
        return dev.sluice.core.io.Digests.md5(text);
    }
}
