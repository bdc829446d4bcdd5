package dev.sluice.core.docs.catalog;

import dev.sluice.core.compile.Relations;
import dev.sluice.core.manifest.Manifest;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.SourceDefinition;
import dev.sluice.spi.Adapter;
import dev.sluice.spi.AdapterException;
import dev.sluice.spi.CatalogEntry;
import dev.sluice.spi.Relation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the catalog for a manifest: one {@link Adapter#catalog} listing per (database, schema) that a model, seed,
 * snapshot or source lives in, then matches relations to nodes by name, case-insensitively as warehouses compare
 * unquoted identifiers. Relations that do not exist (a model never run) are simply absent, as in dbt.
 */
public final class CatalogReader {
    private final Adapter adapter;

    public CatalogReader(Adapter adapter) {
        this.adapter = adapter;
    }

    public Catalog read(Manifest manifest) {
        Map<String, Relation> nodeRelations = new LinkedHashMap<>();
        for (Node node : manifest.nodes.values()) {
            if (Relations.builds(node)) {
                nodeRelations.put(node.uniqueId, Relations.of(node));
            }
        }
        Map<String, Relation> sourceRelations = new LinkedHashMap<>();
        for (SourceDefinition source : manifest.sources.values()) {
            sourceRelations.put(source.uniqueId, Relations.of(source));
        }
        Set<List<String>> schemas = new LinkedHashSet<>();
        nodeRelations.values().forEach(r -> schemas.add(schemaKey(r)));
        sourceRelations.values().forEach(r -> schemas.add(schemaKey(r)));

        Map<String, CatalogEntry> byRelation = new HashMap<>();
        List<String> errors = new ArrayList<>();
        for (List<String> schema : schemas) {
            String database = schema.get(0).isEmpty() ? null : schema.get(0);
            try {
                for (CatalogEntry entry : adapter.catalog(database, schema.get(1))) {
                    byRelation.put(key(database, schema.get(1), entry.relation().identifier()), entry);
                }
            } catch (AdapterException e) {
                errors.add("Could not list " + (database == null ? "" : database + ".") + schema.get(1) + ": "
                        + e.getMessage());
            }
        }
        return new Catalog(match(nodeRelations, byRelation), match(sourceRelations, byRelation), errors);
    }

    private static Map<String, CatalogEntry> match(Map<String, Relation> relations, Map<String, CatalogEntry> found) {
        Map<String, CatalogEntry> out = new LinkedHashMap<>();
        relations.forEach((id, relation) -> {
            CatalogEntry entry = found.get(key(keyPart(relation.database()), relation.schema(), relation.identifier()));
            if (entry != null) {
                out.put(id, entry);
            }
        });
        return out;
    }

    private static List<String> schemaKey(Relation relation) {
        return List.of(keyPart(relation.database()), relation.schema() == null ? "" : relation.schema());
    }

    private static String keyPart(String value) {
        return value == null ? "" : value;
    }

    private static String key(String database, String schema, String identifier) {
        return (keyPart(database) + "." + keyPart(schema) + "." + identifier).toLowerCase(Locale.ROOT);
    }
}
