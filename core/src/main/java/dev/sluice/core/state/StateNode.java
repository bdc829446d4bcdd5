package dev.sluice.core.state;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One resource of a manifest as state comparison reads it: a node, a source or an exposure, taken from either a
 * manifest.json on disk (Sluice's or dbt's, v12) or the manifest of the current invocation turned into the same JSON.
 *
 * @param identifier   the relation's last part: a node's {@code alias}, a source's {@code identifier}
 * @param config       the rendered {@code config} object (empty object when absent)
 * @param unrendered   {@code unrendered_config}: what the project wrote, before target-dependent rendering
 * @param rest         the whole JSON entry, for comparisons of fields that only some resource kinds have
 */
public record StateNode(String uniqueId, String resourceType, String name, List<String> fqn, String checksum,
                        String rawCode, String database, String schema, String identifier, String relationName,
                        JsonNode config, JsonNode unrendered, List<String> dependsOnMacros, JsonNode rest) {

    public boolean isEphemeral() {
        return "model".equals(resourceType) && "ephemeral".equals(materialized());
    }

    public String materialized() {
        JsonNode value = config.get("materialized");
        return value == null || value.isNull() ? null : value.asText();
    }

    /** True for the kinds that build a relation: non-ephemeral models, seeds and snapshots. */
    public boolean buildsRelation() {
        return switch (resourceType) {
            case "model" -> !isEphemeral();
            case "seed", "snapshot" -> true;
            default -> false;
        };
    }
}
