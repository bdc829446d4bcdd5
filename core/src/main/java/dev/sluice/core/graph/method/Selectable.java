package dev.sluice.core.graph.method;

import dev.sluice.core.manifest.Exposure;
import dev.sluice.core.manifest.Manifest;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.NodeConfig;
import dev.sluice.core.manifest.ResourceType;
import dev.sluice.core.manifest.SourceDefinition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * One thing a selector can match, whatever its kind: the fields selection methods read, taken from a {@link Node},
 * a {@link SourceDefinition} or an {@link Exposure}. Exactly one of {@code node}, {@code source}, {@code exposure} is set.
 */
public record Selectable(String uniqueId, ResourceType resourceType, String packageName, String name, List<String> fqn,
                         String originalFilePath, String patchPath, List<String> tags, NodeConfig config,
                         Node node, SourceDefinition source, Exposure exposure) {

    public static Selectable of(Node node) {
        return new Selectable(node.uniqueId, node.resourceType, node.packageName, node.name, node.fqn,
                node.originalFilePath, node.patchPath, node.tags(), node.config, node, null, null);
    }

    public static Selectable of(SourceDefinition source) {
        return new Selectable(source.uniqueId, ResourceType.SOURCE, source.packageName, source.name, source.fqn,
                source.originalFilePath, null, merge(source.tags, source.config.tags()), source.config, null, source,
                null);
    }

    public static Selectable of(Exposure exposure) {
        return new Selectable(exposure.uniqueId, ResourceType.EXPOSURE, exposure.packageName, exposure.name,
                exposure.fqn, exposure.originalFilePath, null, merge(exposure.tags, exposure.config.tags()),
                exposure.config, null, null, exposure);
    }

    /** Everything selectable in the manifest, by unique id. */
    public static Map<String, Selectable> all(Manifest manifest) {
        Map<String, Selectable> out = new LinkedHashMap<>();
        manifest.nodes.values().forEach(n -> out.put(n.uniqueId, of(n)));
        manifest.sources.values().forEach(s -> out.put(s.uniqueId, of(s)));
        manifest.exposures.values().forEach(e -> out.put(e.uniqueId, of(e)));
        return out;
    }

    public boolean isNode() {
        return node != null;
    }

    /** Data tests and unit tests: the resources indirect selection adds alongside what they test. */
    public boolean isTest() {
        return resourceType == ResourceType.TEST || resourceType == ResourceType.UNIT_TEST;
    }

    private static List<String> merge(List<String> a, List<String> b) {
        LinkedHashSet<String> out = new LinkedHashSet<>(a == null ? List.of() : a);
        out.addAll(b);
        return new ArrayList<>(out);
    }
}
