package dev.sluice.core.manifest.parse;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.errors.SourceLocation;
import dev.sluice.core.events.Event;
import dev.sluice.core.events.EventSink;
import dev.sluice.core.jinja.ContextFunctions;
import dev.sluice.core.jinja.DbtFunction;
import dev.sluice.core.jinja.JinjaEngine;
import dev.sluice.core.jinja.MacroLibrary;
import dev.sluice.core.jinja.MacroSource;
import dev.sluice.core.jinja.NodeContext;
import dev.sluice.core.manifest.Doc;
import dev.sluice.core.manifest.Exposure;
import dev.sluice.core.manifest.Macro;
import dev.sluice.core.manifest.Manifest;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.NodeConfig;
import dev.sluice.core.manifest.ResourceType;
import dev.sluice.core.manifest.SourceDefinition;
import dev.sluice.core.project.EnvVars;
import dev.sluice.core.project.ProjectConfig;
import dev.sluice.core.project.Vars;
import dev.sluice.core.project.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parse stage: project files to a {@link Manifest}. Never touches the warehouse. Order: macros, docs, schema
 * files, nodes from files (with their parse render), generic tests and unit tests, patches, enabled filter,
 * dependencies.
 */
public final class ManifestParser {
    private final JinjaEngine jinja;
    private final EnvVars env;
    private final EventSink events;

    public ManifestParser(JinjaEngine jinja, EnvVars env, EventSink events) {
        this.jinja = jinja;
        this.env = env;
        this.events = events;
    }

    public ParsedProject parse(ProjectConfig project, ParseTarget target, Map<String, Object> cliVars,
                               String invocationId, String runStartedAt) {
        Path root = project.root();
        String pkg = project.name();
        Vars vars = new Vars(cliVars, project.vars(), Set.of(pkg));
        DispatchOrder dispatchOrder = new DispatchOrder(pkg, project.dispatch());

        List<ProjectFile> macroFiles = new ArrayList<>(ProjectFiles.find(root, project.macroPaths(), Set.of("sql")));
        for (String testPath : project.testPaths()) {
            macroFiles.addAll(ProjectFiles.find(root, List.of(testPath + "/generic"), Set.of("sql")));
        }
        List<MacroSource> sources = new ArrayList<>(InternalMacros.load());
        Map<String, Macro> macroRecords = new LinkedHashMap<>();
        for (MacroSource internal : sources) {
            ProjectFile pseudo = new ProjectFile(Path.of(internal.originalFilePath()), internal.originalFilePath(),
                    "macros", internal.originalFilePath());
            BlockScanner.macros(MacroLibrary.INTERNAL_PACKAGE, pseudo, internal.text())
                    .forEach(m -> macroRecords.put(m.uniqueId(), m));
        }
        for (ProjectFile file : macroFiles) {
            String text = ProjectFiles.read(file);
            sources.add(new MacroSource(pkg, file.originalFilePath(), text));
            BlockScanner.macros(pkg, file, text).forEach(m -> macroRecords.put(m.uniqueId(), m));
        }
        MacroLibrary macros = jinja.parseMacros(pkg, sources);

        Map<String, Doc> docs = new LinkedHashMap<>();
        for (ProjectFile file : ProjectFiles.find(root, project.docsPaths(), Set.of("md"))) {
            for (Doc doc : BlockScanner.docs(pkg, file, ProjectFiles.read(file))) {
                docs.put(doc.uniqueId(), doc);
            }
        }

        NodeContext.Invocation invocation = new NodeContext.Invocation(macros, target.adapterType(), target.dialect(),
                target.targetContext(), env, text -> events.accept(Event.Message.info(text)), invocationId,
                runStartedAt, Map.of(), pkg);
        NodeFactory factory = new NodeFactory(jinja, macros, invocation, target, vars, dispatchOrder);

        List<SchemaFile> schemaFiles = parseSchemaFiles(project, pkg, vars, docs, target);

        List<Node> nodes = new ArrayList<>();
        for (ProjectFile file : ProjectFiles.find(root, project.modelPaths(), Set.of("sql"))) {
            nodes.add(factory.create(ResourceType.MODEL, pkg, file, project.models()));
        }
        for (ProjectFile file : ProjectFiles.find(root, project.seedPaths(), Set.of("csv"))) {
            nodes.add(factory.create(ResourceType.SEED, pkg, file, project.seeds()));
        }
        for (ProjectFile file : ProjectFiles.find(root, project.testPaths(), Set.of("sql"))) {
            if (!file.pathInRoot().startsWith("generic/") && !file.pathInRoot().startsWith("fixtures/")) {
                nodes.add(factory.create(ResourceType.TEST, pkg, file, project.tests()));
            }
        }
        for (ProjectFile file : ProjectFiles.find(root, project.analysisPaths(), Set.of("sql"))) {
            nodes.add(factory.create(ResourceType.ANALYSIS, pkg, file, project.analyses()));
        }
        for (ProjectFile file : ProjectFiles.find(root, project.snapshotPaths(), Set.of("sql"))) {
            for (BlockScanner.SnapshotBlock block : BlockScanner.snapshots(ProjectFiles.read(file))) {
                nodes.add(factory.snapshot(pkg, file, block.name(), block.body(), block.line(), project.snapshots()));
            }
        }
        for (SchemaFile schema : schemaFiles) {
            for (SchemaFile.Patch patch : schema.patches) {
                if (patch.kind().equals("snapshots") && patch.body().get("relation") != null) {
                    String relation = String.valueOf(patch.body().get("relation")).strip();
                    String body = "select * from " + (relation.startsWith("{{") ? relation : "{{ " + relation + " }}");
                    nodes.add(factory.snapshot(pkg, patch.file(), patch.name(), body, patch.line(), project.snapshots()));
                }
            }
        }
        checkDuplicates(nodes);

        Map<String, Node> byKindAndName = new LinkedHashMap<>();
        for (Node node : nodes) {
            byKindAndName.put(patchKind(node.resourceType) + "/" + node.name, node);
        }
        for (SchemaFile schema : schemaFiles) {
            for (SchemaFile.Patch patch : schema.patches) {
                Node node = byKindAndName.get(patch.kind() + "/" + patch.name());
                if (node == null) {
                    events.accept(Event.Message.warn("Did not find matching node for patch with name '" + patch.name()
                            + "' in the '" + patch.kind() + "' section of file '" + patch.file().originalFilePath() + "'"));
                } else {
                    PatchApplier.apply(patch, node);
                }
            }
        }
        for (Node node : nodes) {
            factory.parseRender(node);
        }
        GenericTestBuilder testBuilder = new GenericTestBuilder(project.tests());
        List<SourceDefinition> sourceDefinitions = new ArrayList<>();
        List<Exposure> exposures = new ArrayList<>();
        UnitTestBuilder unitTestBuilder = new UnitTestBuilder(root, project.testPaths());
        for (SchemaFile schema : schemaFiles) {
            for (TestDefinition definition : schema.tests) {
                nodes.add(testBuilder.build(definition));
            }
            for (SchemaFile.UnitTestEntry entry : schema.unitTests) {
                nodes.add(unitTestBuilder.build(entry, pkg));
            }
            sourceDefinitions.addAll(schema.sources);
            exposures.addAll(schema.exposures);
        }

        RelationNaming naming = new RelationNaming(jinja, macros);
        Map<String, Node> enabled = new LinkedHashMap<>();
        Map<String, Node> disabled = new LinkedHashMap<>();
        for (Node node : nodes) {
            if (node.config.enabled()) {
                enabled.put(node.uniqueId, node);
            } else {
                disabled.put(node.uniqueId, node);
            }
        }
        Map<String, SourceDefinition> sourceMap = new LinkedHashMap<>();
        for (SourceDefinition source : sourceDefinitions) {
            if (source.config.enabled()) {
                if (source.database == null) {
                    source.database = target.database();
                }
                sourceMap.put(source.uniqueId, source);
            }
        }
        DependencyResolver resolver = new DependencyResolver(pkg, enabled.values(), disabled.values(), sourceMap.values());
        for (Node node : new ArrayList<>(enabled.values())) {
            String disableReason = resolver.resolve(node);
            if (disableReason != null) {
                events.accept(Event.Message.warn(disableReason + "; the "
                        + (node.resourceType == ResourceType.UNIT_TEST ? "unit test" : "test") + " is disabled"));
                enabled.remove(node.uniqueId);
                disabled.put(node.uniqueId, node);
            }
        }
        for (Node node : enabled.values()) {
            if (node.resourceType == ResourceType.TEST && node.testMetadata != null && !node.dependsOnNodes.isEmpty()) {
                node.attachedNode = node.dependsOnNodes.iterator().next();
            }
            try {
                naming.apply(node, factory.parseContext(node));
            } catch (SluiceException e) {
                throw e.at(node.describe(), SourceLocation.of(node.originalFilePath));
            }
        }
        Map<String, Exposure> exposureMap = new LinkedHashMap<>();
        for (Exposure exposure : exposures) {
            if (exposure.config.enabled()) {
                resolver.resolve(exposure, text -> events.accept(Event.Message.warn(text)));
                exposureMap.put(exposure.uniqueId, exposure);
            }
        }
        Manifest manifest = new Manifest(pkg, enabled, sourceMap, macroRecords, docs, exposureMap, disabled,
                loadSelectors(root));
        return new ParsedProject(project, manifest, macros, vars, dispatchOrder, target);
    }

    private List<SchemaFile> parseSchemaFiles(ProjectConfig project, String pkg, Vars vars, Map<String, Doc> docs,
                                              ParseTarget target) {
        Map<String, Object> context = new LinkedHashMap<>(ContextFunctions.base(vars.forPackage(pkg), env,
                text -> events.accept(Event.Message.info(text)), null));
        context.put("target", target.targetContext());
        context.put("doc", DbtFunction.of("doc", args -> {
            String name = args.requireString(args.size() > 1 ? 1 : 0, "name");
            String docPackage = args.size() > 1 ? args.string(0, "package") : pkg;
            Doc doc = docs.get("doc." + docPackage + "." + name);
            if (doc == null) {
                throw ContextFunctions.fail(ErrorCode.COMPILATION, "Documentation for '" + name + "' not found");
            }
            return doc.blockContents();
        }));
        SchemaYamlParser parser = new SchemaYamlParser(pkg, new SchemaYamlParser.SourceConfigs() {
            @Override
            public void applyToSource(List<String> fqn, NodeConfig config) {
                FolderConfigs.apply(project.sources(), fqn, config);
            }

            @Override
            public void applyToExposure(List<String> fqn, NodeConfig config) {
                FolderConfigs.apply(project.exposures(), fqn, config);
            }
        });
        List<String> roots = new ArrayList<>();
        roots.addAll(project.modelPaths());
        roots.addAll(project.seedPaths());
        roots.addAll(project.testPaths());
        roots.addAll(project.analysisPaths());
        roots.addAll(project.snapshotPaths());
        roots.addAll(project.macroPaths());
        List<SchemaFile> out = new ArrayList<>();
        for (ProjectFile file : ProjectFiles.find(project.root(), roots.stream().distinct().toList(), Set.of("yml", "yaml"))) {
            out.add(parser.parse(file, ProjectFiles.read(file),
                    text -> jinja.renderPlain(text, context, file.originalFilePath())));
        }
        return out;
    }

    private static String patchKind(ResourceType type) {
        return switch (type) {
            case MODEL -> "models";
            case SEED -> "seeds";
            case SNAPSHOT -> "snapshots";
            case ANALYSIS -> "analyses";
            default -> type.dbtName();
        };
    }

    private static void checkDuplicates(List<Node> nodes) {
        Map<String, Node> seen = new LinkedHashMap<>();
        for (Node node : nodes) {
            Node previous = seen.put(node.uniqueId, node);
            if (previous != null) {
                throw new SluiceException(ErrorCode.DUPLICATE_NODE, "dbt found two " + node.resourceType.dbtName()
                        + "s with the name \"" + node.name + "\": " + previous.originalFilePath + " and "
                        + node.originalFilePath + ". Rename one of them.", SourceLocation.of(node.originalFilePath));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> loadSelectors(Path root) {
        Path file = root.resolve("selectors.yml");
        Map<String, Object> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        Map<String, Object> yaml = YamlReader.readMap(file, "selectors.yml");
        if (yaml.get("selectors") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> entry && entry.get("name") != null) {
                    out.put(String.valueOf(entry.get("name")), entry);
                }
            }
        }
        return out;
    }
}
