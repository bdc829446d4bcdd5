package dev.sluice.core.artifacts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.manifest.Doc;

/** One entry of {@code docs}: a {@code {% docs %}} block. */
final class DocJson {
    private DocJson() {
    }

    static ObjectNode toJson(Doc doc) {
        ObjectNode out = Json.object();
        out.put("name", doc.name());
        out.put("resource_type", "doc");
        out.put("package_name", doc.packageName());
        out.put("path", doc.path());
        out.put("original_file_path", doc.originalFilePath());
        out.put("unique_id", doc.uniqueId());
        out.put("block_contents", doc.blockContents() == null ? "" : doc.blockContents());
        return out;
    }
}
