package dev.sluice.core.manifest.parse;

import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.errors.SourceLocation;
import dev.sluice.core.jinja.JinjaEngine;
import dev.sluice.core.jinja.MacroLibrary;
import dev.sluice.core.jinja.NodeContext;
import dev.sluice.core.manifest.Manifest;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.ResourceType;
import dev.sluice.core.manifest.cache.FileTable;
import dev.sluice.core.project.ProjectConfig;
import dev.sluice.core.project.Vars;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Re-parses changed model files of the root project against the cached manifest of an earlier parse: each file goes
 * through the same steps as in a full parse (project configs, its YAML patch, the parse render, dependencies,
 * relation naming) and replaces its node. Declines (returns null, and the caller parses everything) whenever the
 * change could reach beyond the node: a file added or removed, any non-model file, a model that is disabled, was not
 * enabled before, or whose patch cannot be found again.
 */
final class ModelReparse {
    private final ManifestParser parser;
    private final ProjectConfig project;
    private final ParseTarget target;
    private final Vars vars;
    private final DispatchOrder dispatchOrder;
    private final MacroLibrary macros;
    private final NodeFactory factory;
    private final JinjaEngine jinja;

    ModelReparse(ManifestParser parser, JinjaEngine jinja, ProjectConfig project, ParseTarget target, Vars vars,
                 DispatchOrder dispatchOrder, MacroLibrary macros, NodeContext.Invocation invocation) {
        this.parser = parser;
        this.jinja = jinja;
        this.project = project;
        this.target = target;
        this.vars = vars;
        this.dispatchOrder = dispatchOrder;
        this.macros = macros;
        this.factory = new NodeFactory(jinja, macros, invocation, target, vars, dispatchOrder);
    }

    /** The new manifest, the nodes re-parsed, and the ids whose parent/child map entries they may have changed. */
    record Result(Manifest manifest, Set<String> changedNodes, Set<String> changedEdges) {
    }

    /** The manifest with the changed models re-parsed, or null when this change needs a full parse. */
    Result apply(Manifest cached, FileTable.Changes changes) {
        if (!changes.added().isEmpty() || !changes.removed().isEmpty()) {
            return null;
        }
        Map<String, Node> nodes = new LinkedHashMap<>(cached.nodes);
        Map<String, Node> reparsed = new LinkedHashMap<>();
        for (String changed : changes.changed()) {
            ProjectFile file = modelFile(Path.of(changed));
            if (file == null) {
                return null;
            }
            Node before = nodes.get(ResourceType.MODEL.dbtName() + "." + project.name() + "." + file.stem());
            if (before == null || !before.originalFilePath.equals(file.originalFilePath())) {
                return null;
            }
            Node node = factory.create(ResourceType.MODEL, project.name(), file,
                    PackageNodes.trees(project, project, ProjectConfig::models));
            if (before.patchPath != null && !applyPatch(cached, before, node)) {
                return null;
            }
            factory.parseRender(node);
            if (!node.config.enabled() || !Objects.equals(node.config.get("group"), before.config.get("group"))) {
                return null; // disabling a model or moving it between groups reaches its tests and the group map
            }
            nodes.put(node.uniqueId, node);
            reparsed.put(node.uniqueId, node);
        }
        DependencyResolver resolver = new DependencyResolver(project.name(), nodes.values(), cached.disabled.values(),
                cached.sources.values());
        RelationNaming naming = new RelationNaming(jinja, macros, target.adapterType(), dispatchOrder,
                target.targetContext());
        Set<String> changedEdges = new LinkedHashSet<>();
        for (Node node : reparsed.values()) {
            if (resolver.resolve(node) != null) {
                return null;
            }
            Collection<String> before = cached.nodes.get(node.uniqueId).dependsOnNodes;
            // the usual edit changes the SQL, not the refs: then no parent or child map entry changes (a parent map
            // entry lists the dependencies in order, so the order counts; child lists are sorted)
            if (!new ArrayList<>(node.dependsOnNodes).equals(new ArrayList<>(before))) {
                changedEdges.add(node.uniqueId);
                changedEdges.addAll(node.dependsOnNodes);
                changedEdges.addAll(before);
            }
            try {
                naming.apply(node, () -> factory.parseContext(node));
            } catch (SluiceException e) {
                throw e.at(node.describe(), SourceLocation.of(node.originalFilePath));
            }
        }
        return new Result(new Manifest(cached.projectName, nodes, cached.sources, cached.macros, cached.docs,
                cached.exposures, cached.disabled, cached.selectors, cached.sortedIds()), reparsed.keySet(), changedEdges);
    }

    /** The model file at {@code path} of the root project, or null if it is not one. */
    private ProjectFile modelFile(Path path) {
        Path root = project.root().toAbsolutePath().normalize();
        for (String folder : project.modelPaths()) {
            Path base = root.resolve(folder).normalize();
            if (path.startsWith(base)) {
                String name = path.getFileName().toString();
                if (!name.endsWith(".sql") && !name.endsWith(".py")) {
                    return null;
                }
                return new ProjectFile(path, ProjectFiles.slashes(root.relativize(path)), folder,
                        ProjectFiles.slashes(base.relativize(path)));
            }
        }
        return null;
    }

    /** Applies the model's YAML patch again (its YAML file is unchanged, or this would be a full parse). */
    private boolean applyPatch(Manifest cached, Node before, Node node) {
        String prefix = project.name() + "://";
        if (!before.patchPath.startsWith(prefix)) {
            return false;
        }
        String yamlPath = before.patchPath.substring(prefix.length());
        Path root = project.root().toAbsolutePath().normalize();
        Path absolute = root.resolve(yamlPath).normalize();
        ProjectFile yaml = null;
        for (String folder : project.allResourcePaths()) {
            Path base = root.resolve(folder).normalize();
            if (yaml == null && absolute.startsWith(base)) {
                yaml = new ProjectFile(absolute, yamlPath, folder, ProjectFiles.slashes(base.relativize(absolute)));
            }
        }
        if (yaml == null) {
            return false;
        }
        SchemaFile schema = parser.schemaFileReader(project, project, vars, cached.docs, target).read(yaml);
        List<SchemaFile.Patch> patches = schema.patches.stream()
                .filter(p -> p.kind().equals("models") && p.name().equals(node.name)).toList();
        if (patches.size() != 1) {
            return false;
        }
        PatchApplier.apply(patches.get(0), node);
        return true;
    }
}
