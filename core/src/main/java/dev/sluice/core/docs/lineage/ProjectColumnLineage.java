package dev.sluice.core.docs.lineage;

import dev.sluice.core.manifest.Manifest;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.ResourceType;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Column-level lineage of every SQL model of a project: each model's compiled SQL analysed by {@link ColumnLineage},
 * with relation names resolved through the manifest, upstream models first so that {@code select *} over an upstream
 * model expands to that model's own lineage-derived columns when the warehouse's columns are not given.
 */
public final class ProjectColumnLineage {
    private final Map<String, ModelLineage> byNodeId;

    private ProjectColumnLineage(Map<String, ModelLineage> byNodeId) {
        this.byNodeId = Collections.unmodifiableMap(byNodeId);
    }

    /**
     * Analyses every model, snapshot and analysis in {@code compiledSqlByNodeId}.
     *
     * @param manifest            the project's manifest: relation names, dependencies, seeds' CSV files
     * @param compiledSqlByNodeId compiled code by node unique id (what {@code Sluice.compile} returns); nodes absent
     *                            here get no lineage
     * @param columnsByNodeId     the warehouse's columns by node or source unique id, in order (from the catalog); may
     *                            be empty. Without them, a seed's columns are its CSV header, a model's are its
     *                            lineage-derived output columns, and a source's are unknown (YAML column lists may
     *                            be partial, so they are not used to expand {@code *})
     */
    public static ProjectColumnLineage build(Manifest manifest, Map<String, String> compiledSqlByNodeId,
                                             Map<String, List<String>> columnsByNodeId) {
        ProjectRelations relations = new ProjectRelations(manifest);
        Map<String, ModelLineage> out = new LinkedHashMap<>();
        Map<String, Optional<List<String>>> seedHeaders = new HashMap<>();
        RelationResolver resolver = parts -> relations.nodeId(parts).map(id -> new RelationResolver.Upstream(id,
                columns(id, manifest, columnsByNodeId, out, seedHeaders)));
        for (String id : topologicalOrder(manifest, compiledSqlByNodeId.keySet())) {
            Node node = manifest.nodes.get(id);
            if (node != null && !isSqlQueryNode(node)) {
                continue;
            }
            if (node != null && !"sql".equalsIgnoreCase(node.language)) {
                out.put(id, ModelLineage.unparsable("a " + node.language + " model: column lineage reads SQL only"));
                continue;
            }
            out.put(id, ColumnLineage.analyze(compiledSqlByNodeId.get(id), resolver));
        }
        return new ProjectColumnLineage(out);
    }

    private static boolean isSqlQueryNode(Node node) {
        return node.resourceType == ResourceType.MODEL || node.resourceType == ResourceType.SNAPSHOT
                || node.resourceType == ResourceType.ANALYSIS;
    }

    /** The lineage of one node, when it was analysed. */
    public Optional<ModelLineage> lineage(String nodeId) {
        return Optional.ofNullable(byNodeId.get(nodeId));
    }

    /** Every analysed node's lineage, upstream nodes first. */
    public Map<String, ModelLineage> all() {
        return byNodeId;
    }

    /** The model columns computed directly from {@code column} of {@code nodeId} (one step downstream). */
    public List<ColumnRef> downstream(String nodeId, String column) {
        ColumnRef wanted = ColumnRef.of(nodeId, column);
        List<ColumnRef> out = new ArrayList<>();
        byNodeId.forEach((id, lineage) -> lineage.columns().stream()
                .filter(c -> c.sources().stream().anyMatch(s -> s.nodeId() != null && s.nodeId().equals(nodeId)
                        && s.column().equalsIgnoreCase(wanted.column())))
                .forEach(c -> out.add(ColumnRef.of(id, c.name()))));
        return out;
    }

    private static List<String> columns(String id, Manifest manifest, Map<String, List<String>> given,
                                        Map<String, ModelLineage> done, Map<String, Optional<List<String>>> seeds) {
        List<String> columns = given.get(id);
        if (columns != null) {
            return columns;
        }
        ModelLineage lineage = done.get(id);
        if (lineage != null) {
            return lineage.isParsed() ? lineage.columnNames() : null;
        }
        Node node = manifest.nodes.get(id);
        if (node != null && node.resourceType == ResourceType.SEED && node.seedFile != null) {
            return seeds.computeIfAbsent(id, k -> Optional.ofNullable(seedHeader(node))).orElse(null);
        }
        return null;
    }

    /** A seed's column names from its CSV header; null when the file cannot be read. */
    private static List<String> seedHeader(Node node) {
        String delimiter = node.config.getString("delimiter", ",");
        try (BufferedReader reader = Files.newBufferedReader(node.seedFile, StandardCharsets.UTF_8)) {
            String line = reader.readLine();
            if (line == null || line.isBlank()) {
                return null;
            }
            if (line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            List<String> header = new ArrayList<>();
            for (String part : line.split(Pattern.quote(delimiter), -1)) {
                String name = part.strip();
                if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                    name = name.substring(1, name.length() - 1).replace("\"\"", "\"");
                }
                header.add(name);
            }
            return header;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The given ids, each after the given ids it depends on (directly or through nodes not given). */
    private static List<String> topologicalOrder(Manifest manifest, Set<String> ids) {
        List<String> order = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        for (String id : ids) {
            visit(id, manifest, ids, visited, order);
        }
        return order;
    }

    private static void visit(String id, Manifest manifest, Set<String> ids, Set<String> visited, List<String> order) {
        if (!visited.add(id)) {
            return;
        }
        Node node = manifest.nodes.get(id);
        if (node != null) {
            for (String parent : node.dependsOnNodes) {
                visit(parent, manifest, ids, visited, order);
            }
        }
        if (ids.contains(id)) {
            order.add(id);
        }
    }
}
