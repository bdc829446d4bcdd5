package dev.sluice.core.manifest.parse;

import dev.sluice.core.manifest.ColumnInfo;
import dev.sluice.core.manifest.Node;
import java.util.LinkedHashMap;
import java.util.Map;

/** A node as templates see it ({@code model}, the {@code node} argument of generate_schema_name): a plain dict. */
public final class NodeDicts {
    private NodeDicts() {
    }

    public static Map<String, Object> of(Node node) {
        Map<String, Object> dict = new LinkedHashMap<>();
        dict.put("unique_id", node.uniqueId);
        dict.put("name", node.name);
        dict.put("resource_type", node.resourceType.dbtName());
        dict.put("package_name", node.packageName);
        dict.put("path", node.path);
        dict.put("original_file_path", node.originalFilePath);
        dict.put("fqn", node.fqn);
        dict.put("config", node.config.asMap());
        dict.put("tags", node.tags());
        dict.put("alias", node.alias);
        dict.put("schema", node.schema);
        dict.put("database", node.database);
        dict.put("raw_code", node.rawCode);
        dict.put("language", node.language);
        dict.put("description", node.description);
        dict.put("meta", node.meta);
        dict.put("version", null);
        Map<String, Object> columns = new LinkedHashMap<>();
        for (ColumnInfo column : node.columns.values()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", column.name);
            c.put("description", column.description);
            c.put("data_type", column.dataType);
            c.put("meta", column.meta);
            columns.put(column.name, c);
        }
        dict.put("columns", columns);
        dict.put("depends_on", Map.of("nodes", node.dependsOnNodes.stream().toList(),
                "macros", node.dependsOnMacros.stream().toList()));
        return dict;
    }
}
