package dev.sluice.core.docs.catalog;

import dev.sluice.spi.CatalogEntry;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the warehouse says about the project's relations: for each model, seed and snapshot ({@code nodes}) and each
 * source ({@code sources}) whose relation exists, its catalog entry; {@code errors} names schemas that could not be
 * listed (the rest of the catalog is still written, as dbt does).
 */
public record Catalog(Map<String, CatalogEntry> nodes, Map<String, CatalogEntry> sources, List<String> errors) {

    public Catalog {
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        errors = List.copyOf(errors);
    }

    public static Catalog empty() {
        return new Catalog(Map.of(), Map.of(), List.of());
    }

    /** The entry for a node or source id, or null when its relation was not found. */
    public CatalogEntry entry(String uniqueId) {
        CatalogEntry node = nodes.get(uniqueId);
        return node != null ? node : sources.get(uniqueId);
    }
}
