package dev.sluice.core.manifest.cache;

/** The manifest holds something the cache cannot write; the project is then parsed in full every time. */
final class Uncacheable extends RuntimeException {
    Uncacheable(String what) {
        super("the parse cache cannot hold " + what, null, false, false);
    }
}
