package dev.sluice.core.artifacts;

import dev.sluice.core.manifest.Manifest;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The manifest's unique ids in the order manifest.json lists them, each set sorted once: sorting 80,000 ids that share
 * long prefixes is a visible part of writing a large manifest, and nodes, groups, parent and child maps all need it.
 */
final class ManifestIds {
    private final String[] nodes;
    private final String[] resources;

    ManifestIds(Manifest manifest) {
        this.nodes = sorted(manifest.nodes);
        this.resources = merge(merge(nodes, sorted(manifest.sources)), sorted(manifest.exposures));
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

    /** Two sorted arrays as one sorted array. */
    private static String[] merge(String[] a, String[] b) {
        if (b.length == 0) {
            return a;
        }
        String[] out = new String[a.length + b.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length && j < b.length) {
            out[k++] = a[i].compareTo(b[j]) <= 0 ? a[i++] : b[j++];
        }
        while (i < a.length) {
            out[k++] = a[i++];
        }
        while (j < b.length) {
            out[k++] = b[j++];
        }
        return out;
    }
}
