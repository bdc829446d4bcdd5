package dev.sluice.core.manifest.cache;

import java.util.Set;

/**
 * Where a parsed manifest stands in the parse cache: stored as entry {@code generation} (0: not stored), derived from
 * entry {@code derivedFrom} (0: parsed in full) by re-parsing the nodes {@code changedNodes}, whose dependencies
 * touched the parent/child map entries {@code changedEdges}. The manifest.json writer uses it to copy what did not
 * change from the manifest.json written from {@code derivedFrom}.
 */
public record CacheLineage(long generation, long derivedFrom, Set<String> changedNodes, Set<String> changedEdges) {
    public static final CacheLineage NONE = new CacheLineage(0, 0, Set.of(), Set.of());

    public static CacheLineage fullParse(long generation) {
        return new CacheLineage(generation, 0, Set.of(), Set.of());
    }

    public static CacheLineage unchanged(long generation) {
        return new CacheLineage(generation, generation, Set.of(), Set.of());
    }
}
