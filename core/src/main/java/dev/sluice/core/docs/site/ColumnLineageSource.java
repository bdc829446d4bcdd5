package dev.sluice.core.docs.site;

import java.util.List;

/**
 * How column-level lineage reaches a model's page. The site asks once per model, snapshot and analysis; the page shows,
 * for each output column, the upstream columns that feed it and how (passed through, transformed, aggregated, ...),
 * or the reason the model's lineage is not known. {@link #NONE} makes every page say it is not available.
 */
@FunctionalInterface
public interface ColumnLineageSource {

    /**
     * One upstream column: {@code uniqueId} of the node or source it belongs to, or, for a relation the project does
     * not know, null and the relation as the SQL names it.
     */
    record UpstreamColumn(String uniqueId, String relation, String column) {
    }

    /**
     * One output column: its upstream columns, how it is derived ({@code kind}, e.g. "direct", "aggregated"; may be
     * null), and what could not be resolved ({@code problem}, null when the lineage is complete).
     */
    record Column(String name, List<UpstreamColumn> upstream, String kind, String problem) {
        public Column {
            upstream = List.copyOf(upstream);
        }
    }

    /** A model's column lineage, or, when its SQL could not be analysed, {@code unavailableReason}. */
    record ModelLineage(List<Column> columns, String unavailableReason) {
        public ModelLineage {
            columns = List.copyOf(columns);
        }

        public static ModelLineage unavailable(String reason) {
            return new ModelLineage(List.of(), reason);
        }

        public static ModelLineage of(List<Column> columns) {
            return new ModelLineage(columns, null);
        }
    }

    /** The lineage of a node, or null when none was computed for it. */
    ModelLineage lineageOf(String uniqueId);

    ColumnLineageSource NONE = id -> ModelLineage.unavailable("column-level lineage was not computed.");
}
