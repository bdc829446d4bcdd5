package dev.sluice.core.artifacts;

import dev.sluice.core.manifest.Manifest;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The manifest's unique ids in the order manifest.json lists them, from the manifest's own sorted ids: sorting 80,000
 * ids that share long prefixes is a visible cost, and nodes, groups, parent and child maps all need the order.
 */
final class ManifestIds {
    private final String[] nodes;
    private final String[] resources;

    ManifestIds(Manifest manifest) {
        this.resources = manifest.sortedIds.toArray(new String[0]);
        this.nodes = Arrays.stream(resources).filter(manifest.nodes::containsKey).toArray(String[]::new);
    }

    /** Every node's unique id (unit tests included), sorted. */
    String[] nodes() {
        return nodes;
    }

    /** The keys of a parent or child map, sorted: nodes, sources and exposures, unless the map holds others. */
    String[] edgeKeys(Map<String, List<String>> map) {
        if (map.size() == resources.length) {
            boolean same = true;
            for (String id : resources) {
                if (!map.containsKey(id)) {
                    same = false;
                    break;
                }
            }
            if (same) {
                return resources;
            }
        }
        return sorted(map);
    }

    static String[] sorted(Map<String, ?> map) {
        String[] keys = map.keySet().toArray(new String[0]);
        Arrays.sort(keys);
        return keys;
    }
}
