package dev.sluice.core.artifacts;

import java.util.Set;

/**
 * What the manifest being written shares with the one written last time: both come from parse cache entries, this one
 * ({@code generation}) derived from {@code derivedFrom} by re-parsing {@code changedNodes}, whose edges touched the
 * parent/child map entries of {@code changedEdges}. Entries outside those sets are copied from the old manifest.json
 * when its index says it was written from {@code derivedFrom} and the file is as it was written.
 *
 * @param generation  the cache entry of the manifest being written (0: not cached; no index is written)
 * @param derivedFrom the cache entry it was derived from (0: a full parse; nothing is reused)
 */
public record ManifestReuse(long generation, long derivedFrom, Set<String> changedNodes, Set<String> changedEdges) {
    public static final ManifestReuse NONE = new ManifestReuse(0, 0, Set.of(), Set.of());
}
