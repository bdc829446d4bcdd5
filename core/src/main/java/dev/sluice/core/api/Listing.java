package dev.sluice.core.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.manifest.Exposure;
import dev.sluice.core.manifest.Manifest;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.ResourceType;
import dev.sluice.core.manifest.SourceDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code ls}: one line per selected resource, as dbt prints it for each {@code --output}. */
final class Listing {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> DEFAULT_KEYS = List.of("name", "resource_type", "package_name",
            "original_file_path", "unique_id", "alias", "config", "tags", "depends_on");

    private Listing() {
    }

    static List<String> lines(Manifest manifest, Set<String> selected, ListOutput output, List<String> keys) {
        List<String> lines = new ArrayList<>();
        for (String id : selected) {
            Map<String, Object> dict = dict(manifest, id, output == ListOutput.JSON);
            if (dict == null) {
                continue;
            }
            lines.add(switch (output) {
                case SELECTOR -> String.valueOf(dict.get("__selector"));
                case NAME -> String.valueOf(dict.get("name"));
                case PATH -> String.valueOf(dict.get("original_file_path"));
                case JSON -> json(dict, keys == null || keys.isEmpty() ? DEFAULT_KEYS : keys);
            });
        }
        lines.sort(null);
        return lines;
    }

    private static String json(Map<String, Object> dict, List<String> keys) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : keys) {
            if (dict.containsKey(key)) {
                out.put(key, dict.get(key));
            }
        }
        try {
            return JSON.writeValueAsString(out);
        } catch (Exception e) {
            throw new IllegalStateException("ls JSON", e);
        }
    }

    /** The resource's fields as dbt lists them; {@code full}: also the costly ones only JSON output shows. */
    private static Map<String, Object> dict(Manifest manifest, String id, boolean full) {
        Map<String, Object> dict = new LinkedHashMap<>();
        Node node = manifest.nodes.get(id);
        if (node != null) {
            dict.put("name", node.name);
            dict.put("resource_type", node.resourceType.dbtName());
            dict.put("package_name", node.packageName);
            dict.put("original_file_path", node.originalFilePath);
            dict.put("unique_id", node.uniqueId);
            if (full) {
                dict.put("alias", node.alias);
                dict.put("config", node.config.asMap());
                dict.put("tags", node.tags());
                dict.put("depends_on", Map.of("macros", List.copyOf(node.dependsOnMacros), "nodes",
                        List.copyOf(node.dependsOnNodes)));
            }
            dict.put("__selector", (node.resourceType == ResourceType.UNIT_TEST ? "unit_test:" : "")
                    + String.join(".", node.fqn));
            return dict;
        }
        SourceDefinition source = manifest.sources.get(id);
        if (source != null) {
            dict.put("name", source.sourceName + "." + source.name);
            dict.put("resource_type", "source");
            dict.put("package_name", source.packageName);
            dict.put("original_file_path", source.originalFilePath);
            dict.put("unique_id", source.uniqueId);
            if (full) {
                dict.put("config", source.config.asMap());
            }
            dict.put("tags", source.tags);
            dict.put("__selector", "source:" + String.join(".", source.fqn));
            return dict;
        }
        Exposure exposure = manifest.exposures.get(id);
        if (exposure != null) {
            dict.put("name", exposure.name);
            dict.put("resource_type", "exposure");
            dict.put("package_name", exposure.packageName);
            dict.put("original_file_path", exposure.originalFilePath);
            dict.put("unique_id", exposure.uniqueId);
            dict.put("tags", exposure.tags);
            dict.put("depends_on", Map.of("nodes", List.copyOf(exposure.dependsOnNodes)));
            dict.put("__selector", "exposure:" + String.join(".", exposure.fqn));
            return dict;
        }
        return null;
    }
}
