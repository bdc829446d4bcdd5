package dev.sluice.core.compile;

import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.ResourceType;
import dev.sluice.core.manifest.SourceDefinition;
import dev.sluice.spi.Relation;
import dev.sluice.spi.RelationType;

/** The warehouse relation a node or source stands for. */
public final class Relations {
    public static final String CTE_PREFIX = "__dbt__cte__";

    private Relations() {
    }

    public static Relation of(Node node) {
        if (node.isEphemeral()) {
            return new Relation(null, null, CTE_PREFIX + node.name, RelationType.CTE);
        }
        RelationType type = node.resourceType == ResourceType.MODEL && "view".equals(node.materialized())
                ? RelationType.VIEW : RelationType.TABLE;
        return new Relation(node.database, node.schema, node.alias == null ? node.name : node.alias, type);
    }

    public static Relation of(SourceDefinition source) {
        return new Relation(source.database, source.schema, source.identifier, RelationType.TABLE);
    }

    /** True for nodes that build a relation in the warehouse. */
    public static boolean builds(Node node) {
        return (node.resourceType == ResourceType.MODEL && !node.isEphemeral())
                || node.resourceType == ResourceType.SEED || node.resourceType == ResourceType.SNAPSHOT;
    }
}
