package dev.sluice.core.docs.lineage;

import dev.sluice.core.compile.Relations;
import dev.sluice.core.manifest.Manifest;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.ResourceType;
import dev.sluice.core.manifest.SourceDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The relations of a manifest by name: models, seeds and snapshots by database, schema and alias; sources by database,
 * schema and identifier; ephemeral models by their CTE name. A name written with fewer parts matches every relation
 * whose name ends with those parts, and resolves only when exactly one does.
 */
final class ProjectRelations {
    private record Named(List<String> parts, String nodeId) {
    }

    /** Relations by the lower-case last part of their name. */
    private final Map<String, List<Named>> byName = new HashMap<>();

    ProjectRelations(Manifest manifest) {
        for (Node node : manifest.nodes.values()) {
            if (node.isEphemeral()) {
                add(new Named(List.of(lower(Relations.CTE_PREFIX + node.name)), node.uniqueId));
            } else if (node.resourceType == ResourceType.MODEL || node.resourceType == ResourceType.SEED
                    || node.resourceType == ResourceType.SNAPSHOT) {
                add(new Named(parts(node.database, node.schema, node.alias != null ? node.alias : node.name),
                        node.uniqueId));
            }
        }
        for (SourceDefinition source : manifest.sources.values()) {
            add(new Named(parts(source.database, source.schema,
                    source.identifier != null ? source.identifier : source.name), source.uniqueId));
        }
    }

    private void add(Named named) {
        byName.computeIfAbsent(named.parts.get(named.parts.size() - 1), k -> new ArrayList<>()).add(named);
    }

    private static List<String> parts(String database, String schema, String name) {
        List<String> parts = new ArrayList<>();
        if (database != null && !database.isEmpty()) {
            parts.add(lower(database));
        }
        if (schema != null && !schema.isEmpty()) {
            parts.add(lower(schema));
        }
        parts.add(lower(name));
        return parts;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** The node id a name written in SQL refers to, when exactly one relation of the project answers to it. */
    Optional<String> nodeId(List<String> written) {
        List<String> wanted = written.stream().map(ProjectRelations::lower).toList();
        List<String> matches = new ArrayList<>();
        for (Named named : byName.getOrDefault(wanted.get(wanted.size() - 1), List.of())) {
            if (named.parts.size() >= wanted.size()
                    && named.parts.subList(named.parts.size() - wanted.size(), named.parts.size()).equals(wanted)
                    && !matches.contains(named.nodeId)) {
                matches.add(named.nodeId);
            }
        }
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }
}
