package dev.sluice.core.docs.site;

import java.util.List;
import java.util.Map;

/**
 * The hook through which column-level lineage reaches a model's page. The site asks it once per model, seed and
 * snapshot; the page shows, for each column, the upstream columns that feed it, or the reason it is not known.
 * {@link #NONE} is used until a column-lineage analysis is wired in: pages then say it is not available.
 */
@FunctionalInterface
public interface ColumnLineageSource {

    /** One upstream column: the node or source it belongs to and its name. */
    record UpstreamColumn(String uniqueId, String column) {
    }

    /**
     * A model's column lineage: output column -> the upstream columns feeding it (in order), or, when the model's SQL
     * could not be analysed, {@code unavailableReason} (then {@code columns} is empty).
     */
    record ModelLineage(Map<String, List<UpstreamColumn>> columns, String unavailableReason) {
        public static ModelLineage unavailable(String reason) {
            return new ModelLineage(Map.of(), reason);
        }

        public static ModelLineage of(Map<String, List<UpstreamColumn>> columns) {
            return new ModelLineage(columns, null);
        }
    }

    ModelLineage lineageOf(String uniqueId);

    ColumnLineageSource NONE = id -> ModelLineage.unavailable("Column-level lineage is not available in this build.");
}
