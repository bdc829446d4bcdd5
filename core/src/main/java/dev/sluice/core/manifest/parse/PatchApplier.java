package dev.sluice.core.manifest.parse;

import dev.sluice.core.manifest.ColumnInfo;
import dev.sluice.core.manifest.Node;
import java.util.Map;

/** Applies a schema file's entry for a node: description, columns, docs, meta, config. */
final class PatchApplier {
    private PatchApplier() {
    }

    @SuppressWarnings("unchecked")
    static void apply(SchemaFile.Patch patch, Node node) {
        Map<String, Object> body = patch.body();
        node.patchPath = node.packageName + "://" + patch.file().originalFilePath();
        if (body.get("description") != null) {
            node.description = String.valueOf(body.get("description"));
        }
        if (body.get("config") instanceof Map<?, ?> config) {
            ((Map<String, Object>) config).forEach(node.config::set);
        }
        if (body.get("docs") instanceof Map<?, ?> docs) {
            node.config.set("docs", docs);
        }
        if (body.get("meta") instanceof Map<?, ?> meta) {
            ((Map<Object, Object>) meta).forEach((k, v) -> node.meta.put(String.valueOf(k), v));
            node.config.set("meta", meta);
        }
        if (body.get("tags") != null) {
            node.config.set("tags", body.get("tags"));
        }
        for (Map<String, Object> column : SchemaYamlParser.columnEntries(body, patch.file())) {
            ColumnInfo info = SchemaYamlParser.column(column);
            node.columns.put(info.name, info);
        }
    }
}
