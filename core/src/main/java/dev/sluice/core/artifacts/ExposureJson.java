package dev.sluice.core.artifacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.manifest.Exposure;

/** One entry of {@code exposures}. */
final class ExposureJson {
    private final JsonNode createdAt;

    ExposureJson(JsonNode createdAt) {
        this.createdAt = createdAt;
    }

    ObjectNode toJson(Exposure exposure) {
        ObjectNode out = Json.object();
        out.put("name", exposure.name);
        out.put("resource_type", "exposure");
        out.put("package_name", exposure.packageName);
        // dbt writes the YAML file's project-relative path in both fields for YAML-defined resources.
        out.put("path", exposure.originalFilePath);
        out.put("original_file_path", exposure.originalFilePath);
        out.put("unique_id", exposure.uniqueId);
        out.set("fqn", Json.strings(exposure.fqn));
        out.put("type", exposure.type);
        out.set("owner", owner(exposure));
        out.put("description", exposure.description == null ? "" : exposure.description);
        out.put("label", exposure.label);
        out.put("maturity", exposure.maturity);
        out.set("meta", Json.value(exposure.meta));
        out.set("tags", Json.strings(exposure.tags));
        ObjectNode config = Json.object();
        config.put("enabled", exposure.config.enabled());
        exposure.config.asMap().forEach((k, v) -> {
            if (!"enabled".equals(k)) {
                config.set(k, Json.value(v));
            }
        });
        out.set("config", config);
        out.set("unrendered_config", ConfigJson.unrendered(exposure.config));
        out.put("url", exposure.url);
        ObjectNode dependsOn = Json.object();
        dependsOn.set("macros", Json.array());
        dependsOn.set("nodes", Json.strings(exposure.dependsOnNodes));
        out.set("depends_on", dependsOn);
        out.set("refs", RefJson.refs(exposure.refs));
        out.set("sources", RefJson.sources(exposure.sources));
        out.set("metrics", Json.array());
        out.set("created_at", createdAt);
        return out;
    }

    /** {email, name} first, then any other owner keys the YAML set (dbt allows extras). */
    private static ObjectNode owner(Exposure exposure) {
        ObjectNode out = Json.object();
        out.set("email", Json.value(exposure.owner.get("email")));
        out.set("name", Json.value(exposure.owner.get("name")));
        exposure.owner.forEach((k, v) -> {
            if (!"email".equals(k) && !"name".equals(k)) {
                out.set(k, Json.value(v));
            }
        });
        return out;
    }
}
