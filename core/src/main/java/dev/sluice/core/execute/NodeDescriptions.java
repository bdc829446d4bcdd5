package dev.sluice.core.execute;

import dev.sluice.core.manifest.Node;

/** How dbt names a node in its console lines: "sql table model main.customers", "seed file main.raw", "test x". */
public final class NodeDescriptions {
    private NodeDescriptions() {
    }

    public static String of(Node node) {
        String relation = node.schema + "." + (node.alias == null ? node.name : node.alias);
        return switch (node.resourceType) {
            case MODEL -> node.language + " " + node.materialized() + " model " + relation;
            case SEED -> "seed file " + relation;
            case SNAPSHOT -> "snapshot " + relation;
            case TEST -> "test " + node.name;
            case UNIT_TEST -> "unit_test " + (node.unitTest == null ? "" : node.unitTest.model() + "::") + node.name;
            default -> node.resourceType.dbtName() + " " + node.name;
        };
    }
}
