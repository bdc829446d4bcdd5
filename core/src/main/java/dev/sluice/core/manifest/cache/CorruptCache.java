package dev.sluice.core.manifest.cache;

/** The cache file cannot be read back (truncated, edited, or from another format); it is ignored and rewritten. */
final class CorruptCache extends RuntimeException {
    CorruptCache(String what) {
        super("the parse cache is unreadable: " + what, null, false, false);
    }
}
