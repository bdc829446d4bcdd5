package dev.sluice.core.artifacts;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sluice.core.manifest.Doc;

import java.io.IOException;

/** One entry of {@code docs}: a {@code {% docs %}} block. */
final class DocJson {
    private DocJson() {
    }

    static void write(JsonGenerator out, Doc doc) throws IOException {
        out.writeStartObject();
        JsonOut.string(out, "name", doc.name());
        JsonOut.string(out, "resource_type", "doc");
        JsonOut.string(out, "package_name", doc.packageName());
        JsonOut.string(out, "path", doc.path());
        JsonOut.string(out, "original_file_path", doc.originalFilePath());
        JsonOut.string(out, "unique_id", doc.uniqueId());
        JsonOut.string(out, "block_contents", doc.blockContents() == null ? "" : doc.blockContents());
        out.writeEndObject();
    }
}
