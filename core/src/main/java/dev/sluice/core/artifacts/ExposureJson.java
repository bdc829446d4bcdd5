package dev.sluice.core.artifacts;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sluice.core.manifest.Exposure;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;

/** One entry of {@code exposures}. */
final class ExposureJson {
    private final BigDecimal createdAt;

    ExposureJson(BigDecimal createdAt) {
        this.createdAt = createdAt;
    }

    void write(JsonGenerator out, Exposure exposure) throws IOException {
        out.writeStartObject();
        JsonOut.string(out, "name", exposure.name);
        JsonOut.string(out, "resource_type", "exposure");
        JsonOut.string(out, "package_name", exposure.packageName);
        // dbt writes the YAML file's project-relative path in both fields for YAML-defined resources.
        JsonOut.string(out, "path", exposure.originalFilePath);
        JsonOut.string(out, "original_file_path", exposure.originalFilePath);
        JsonOut.string(out, "unique_id", exposure.uniqueId);
        JsonOut.strings(out, "fqn", exposure.fqn);
        JsonOut.string(out, "type", exposure.type);
        out.writeFieldName("owner");
        owner(out, exposure);
        JsonOut.string(out, "description", exposure.description == null ? "" : exposure.description);
        JsonOut.string(out, "label", exposure.label);
        JsonOut.string(out, "maturity", exposure.maturity);
        JsonOut.field(out, "meta", exposure.meta);
        JsonOut.strings(out, "tags", exposure.tags);
        out.writeObjectFieldStart("config");
        out.writeBooleanField("enabled", exposure.config.enabled());
        for (Map.Entry<String, Object> entry : exposure.config.asMap().entrySet()) {
            if (!"enabled".equals(entry.getKey())) {
                JsonOut.field(out, entry.getKey(), entry.getValue());
            }
        }
        out.writeEndObject();
        out.writeFieldName("unrendered_config");
        ConfigJson.unrendered(out, exposure.config);
        JsonOut.string(out, "url", exposure.url);
        out.writeObjectFieldStart("depends_on");
        JsonOut.emptyArray(out, "macros");
        JsonOut.strings(out, "nodes", exposure.dependsOnNodes);
        out.writeEndObject();
        out.writeFieldName("refs");
        RefJson.refs(out, exposure.refs);
        out.writeFieldName("sources");
        RefJson.sources(out, exposure.sources);
        JsonOut.emptyArray(out, "metrics");
        out.writeFieldName("created_at");
        out.writeNumber(createdAt);
        out.writeEndObject();
    }

    /** {email, name} first, then any other owner keys the YAML set (dbt allows extras). */
    private static void owner(JsonGenerator out, Exposure exposure) throws IOException {
        out.writeStartObject();
        JsonOut.field(out, "email", exposure.owner.get("email"));
        JsonOut.field(out, "name", exposure.owner.get("name"));
        for (Map.Entry<String, Object> entry : exposure.owner.entrySet()) {
            if (!"email".equals(entry.getKey()) && !"name".equals(entry.getKey())) {
                JsonOut.field(out, entry.getKey(), entry.getValue());
            }
        }
        out.writeEndObject();
    }
}
