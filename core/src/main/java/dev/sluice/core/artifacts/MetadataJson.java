package dev.sluice.core.artifacts;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The {@code metadata} object: the common part for every artifact, plus the manifest-only fields. */
final class MetadataJson {
    private MetadataJson() {
    }

    static ObjectNode common(ArtifactMetadata meta) {
        ObjectNode out = Json.object();
        out.put("dbt_schema_version", meta.dbtSchemaVersion());
        out.put("dbt_version", meta.dbtVersion());
        out.put("generated_at", Json.iso(meta.generatedAt()));
        out.put("invocation_id", meta.invocationId());
        out.set("env", Json.value(meta.env()));
        return out;
    }

    static ObjectNode manifest(ArtifactMetadata meta, String fallbackAdapterType) {
        ObjectNode out = common(meta);
        out.put("project_name", meta.projectName());
        out.put("project_id", meta.projectId());
        out.put("user_id", meta.userId());
        out.put("send_anonymous_usage_stats", meta.sendAnonymousUsageStats());
        out.put("adapter_type", meta.adapterType() != null ? meta.adapterType() : fallbackAdapterType);
        return out;
    }
}
