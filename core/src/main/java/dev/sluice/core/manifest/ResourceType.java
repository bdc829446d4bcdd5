package dev.sluice.core.manifest;

import java.util.Locale;

/** dbt's resource types, spelled as dbt spells them in unique ids and artifacts. */
public enum ResourceType {
    MODEL, SEED, TEST, SNAPSHOT, ANALYSIS, OPERATION, SOURCE, MACRO, DOC, EXPOSURE, METRIC, UNIT_TEST;

    public String dbtName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ResourceType fromDbtName(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** Resource types that are executable nodes in the DAG (held in {@code manifest.nodes}). */
    public boolean isNode() {
        return this == MODEL || this == SEED || this == TEST || this == SNAPSHOT || this == ANALYSIS
                || this == OPERATION || this == UNIT_TEST;
    }
}
