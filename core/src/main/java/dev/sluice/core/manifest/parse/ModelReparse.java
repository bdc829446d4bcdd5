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
import dev.sluice.core.manifest.cache.ModelFacts;
import dev.sluice.core.manifest.cache.ParseCache;
import dev.sluice.core.project.ProjectConfig;
import dev.sluice.core.project.Vars;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Re-parses changed model files of the root project against an earlier parse from the parse cache: each file goes
 * through the same steps as in a full parse (project configs, its YAML patch, the parse render, dependencies,
 * relation naming) and replaces its node. Declines (returns null, and the caller parses everything) whenever the
 * change could reach beyond the node: a file added or removed, any non-model file, a model that is disabled, was not
 * enabled before, or whose patch cannot be found again. It reads the earlier models' {@link ModelFacts}, not the
 * earlier manifest, unless a model's refs or sources changed.
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
        this.factory = new NodeFactory(jinja, macros, invocation, target, vars, dispatchOrder, ProjectFiles::read);
    }

    /**
     * The new manifest (built on first use: the usual edit never needs the earlier one decoded), the nodes re-parsed,
     * and the ids whose parent/child map entries they may have changed (none when every re-parsed model kept its
     * refs and sources, in order).
     */
    record Result(Supplier<Manifest> manifest, Map<String, Node> reparsed, Set<String> changedEdges) {
        Set<String> changedNodes() {
            return reparsed.keySet();
        }
    }

    /** The manifest with the changed models re-parsed, or null when this change needs a full parse. */
    Result apply(ParseCache.Earlier earlier, FileTable.Changes changes) {
        if (!changes.added().isEmpty() || !changes.removed().isEmpty()) {
            return null;
        }
        Map<String, Node> reparsed = new LinkedHashMap<>();
        Map<String, ModelFacts> before = new LinkedHashMap<>();
        for (String changed : changes.changed()) {
            ProjectFile file = modelFile(Path.of(changed));
            if (file == null) {
                return null;
            }
            String id = ResourceType.MODEL.dbtName() + "." + project.name() + "." + file.stem();
            ModelFacts facts = earlier.facts(id);
            if (facts == null || !facts.originalFilePath().equals(file.originalFilePath())) {
                return null;
            }
            Node node = factory.create(ResourceType.MODEL, project.name(), file,
                    PackageNodes.trees(project, project, ProjectConfig::models));
            if (facts.patchPath() != null && !applyPatch(earlier, facts.patchPath(), node)) {
                return null;
            }
            factory.parseRender(node);
            if (!node.config.enabled() || !Objects.equals(node.config.get("group"), facts.group())) {
                return null; // disabling a model or moving it between groups reaches its tests and the group map
            }
            reparsed.put(node.uniqueId, node);
            before.put(node.uniqueId, facts);
        }
        Set<String> changedEdges = new LinkedHashSet<>();
        Supplier<Manifest> manifest;
        if (keepDependencies(reparsed, before)) {
            // the usual edit changes the SQL, not the refs: the dependencies are the earlier ones, and since every
            // other node is unchanged, the graph is the very graph of the earlier (acyclic) parse
            reparsed.values().forEach(node -> node.dependsOnNodes.addAll(before.get(node.uniqueId).dependsOnNodes()));
            manifest = dev.sluice.core.parallel.Memo.of(() -> withNodes(earlier.manifest(), reparsed));
        } else {
            Manifest cached = earlier.manifest();
            Map<String, Node> nodes = new LinkedHashMap<>(cached.nodes);
            nodes.putAll(reparsed);
            DependencyResolver resolver = new DependencyResolver(project.name(), nodes.values(),
                    cached.disabled.values(), cached.sources.values());
            for (Node node : reparsed.values()) {
                if (resolver.resolve(node) != null) {
                    return null;
                }
                List<String> was = before.get(node.uniqueId).dependsOnNodes();
                // a parent map entry lists the dependencies in order, so the order counts; child lists are sorted
                if (!new ArrayList<>(node.dependsOnNodes).equals(was)) {
                    changedEdges.add(node.uniqueId);
                    changedEdges.addAll(node.dependsOnNodes);
                    changedEdges.addAll(was);
                }
            }
            Manifest built = withNodes(cached, reparsed);
            manifest = () -> built;
        }
        RelationNaming naming = new RelationNaming(jinja, macros, target.adapterType(), dispatchOrder,
                target.targetContext());
        for (Node node : reparsed.values()) {
            try {
                naming.apply(node, () -> factory.parseContext(node));
            } catch (SluiceException e) {
                throw e.at(node.describe(), SourceLocation.of(node.originalFilePath));
            }
        }
        return new Result(manifest, reparsed, changedEdges);
    }

    /** Every re-parsed model refers to the same refs and sources as before, in the same order. */
    private static boolean keepDependencies(Map<String, Node> reparsed, Map<String, ModelFacts> before) {
        for (Node node : reparsed.values()) {
            ModelFacts facts = before.get(node.uniqueId);
            if (!node.refs.equals(facts.refs()) || !node.sources.equals(facts.sources())) {
                return false;
            }
        }
        return true;
    }

    /** {@code cached} with {@code reparsed} in place of its nodes of the same ids (same order, same sorted ids). */
    private static Manifest withNodes(Manifest cached, Map<String, Node> reparsed) {
        Map<String, Node> nodes = new LinkedHashMap<>(cached.nodes);
        nodes.putAll(reparsed);
        return new Manifest(cached.projectName, nodes, cached.sources, cached.macros, cached.docs, cached.exposures,
                cached.disabled, cached.selectors, cached.sortedIds());
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
    private boolean applyPatch(ParseCache.Earlier earlier, String patchPath, Node node) {
        String prefix = project.name() + "://";
        if (!patchPath.startsWith(prefix)) {
            return false;
        }
        String yamlPath = patchPath.substring(prefix.length());
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
        SchemaFile schema = parser.schemaFileReader(project, project, vars, earlier.docs(), target).read(yaml);
        List<SchemaFile.Patch> patches = schema.patches.stream()
                .filter(p -> p.kind().equals("models") && p.name().equals(node.name)).toList();
        if (patches.size() != 1) {
            return false;
        }
        PatchApplier.apply(patches.get(0), node);
        return true;
    }
}
