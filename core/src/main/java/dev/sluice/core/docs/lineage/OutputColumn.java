package dev.sluice.core.docs.lineage;

import java.util.List;
import java.util.Objects;

/**
 * One column of a model's result: its name, the upstream columns its value is computed from (sorted, without
 * duplicates), how it is derived, and, when part of its lineage could not be resolved, why ({@code problem} is null
 * when the lineage is complete). A column with a problem lists only the upstream columns that are certain.
 */
public record OutputColumn(String name, List<ColumnRef> sources, LineageKind kind, String problem) {
    public OutputColumn {
        Objects.requireNonNull(name, "name");
        sources = List.copyOf(sources);
        Objects.requireNonNull(kind, "kind");
    }

    public boolean isComplete() {
        return problem == null;
    }
}
