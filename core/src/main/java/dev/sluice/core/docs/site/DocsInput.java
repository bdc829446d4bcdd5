package dev.sluice.core.docs.site;

import dev.sluice.core.docs.catalog.Catalog;
import dev.sluice.core.manifest.Manifest;
import java.time.Instant;
import java.util.Map;

/**
 * Everything the docs site is made from: the manifest, the catalog (empty with {@code --empty-catalog}), each node's
 * compiled code by unique id (empty with {@code --no-compile}), when it was generated, and the column-lineage hook.
 */
public record DocsInput(Manifest manifest, Catalog catalog, Map<String, String> compiledCode, Instant generatedAt,
                        ColumnLineageSource columnLineage) {
    public DocsInput {
        compiledCode = Map.copyOf(compiledCode);
        columnLineage = columnLineage == null ? ColumnLineageSource.NONE : columnLineage;
    }
}
