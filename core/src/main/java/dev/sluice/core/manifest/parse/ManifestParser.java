package dev.sluice.core.manifest.parse;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.errors.SourceLocation;
import dev.sluice.core.events.Event;
import dev.sluice.core.events.EventSink;
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
import dev.sluice.core.parallel.InOrder;
import dev.sluice.core.parallel.Memo;
import dev.sluice.core.manifest.SourceDefinition;
import dev.sluice.core.graph.Acyclic;
import dev.sluice.core.manifest.cache.CacheLineage;
import dev.sluice.core.manifest.cache.EnvReads;
import dev.sluice.core.manifest.cache.FileTable;
import dev.sluice.core.manifest.cache.ParseCache;
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

    private boolean macrosAhead;

    /**
     * The command will render nodes: when the manifest comes from the parse cache, its macros start parsing at once on
     * another thread (a full parse parses them first anyway).
     */
    public ManifestParser macrosAhead(boolean ahead) {
        this.macrosAhead = ahead;
        return this;
    }


    /**
     * How a parse may use the parse cache: where it is, the environment it records reads in, the inputs' digest, and
     * whether the command will use the manifest (then a cached one is decoded while the files are compared) or may
     * not (a {@code parse}: decoded only if something asks for it).
     */
    public record CacheUse(ParseCache cache, EnvReads env, String inputs, boolean decodeAhead) {
    }

    public ParsedProject parse(ProjectConfig project, ParseTarget target, Map<String, Object> cliVars,
                               String invocationId, String runStartedAt) {
        return parse(project, target, cliVars, invocationId, runStartedAt, null);
    }

    /**
     * Parses the project; with {@code cacheUse}, takes the manifest from the parse cache when nothing it depends on
     * changed, re-parses only changed model files when only those changed, and stores what it parsed.
     */
    public ParsedProject parse(ProjectConfig project, ParseTarget target, Map<String, Object> cliVars,
                               String invocationId, String runStartedAt, CacheUse cacheUse) {
        Path root = project.root();
        String pkg = project.name();
        DispatchOrder dispatchOrder = new DispatchOrder(pkg, project.dispatch());

        List<ProjectConfig> projects = new ArrayList<>(new InstalledPackages(jinja, env,
                text -> events.accept(Event.Message.info(text))).load(project, cliVars));
        projects.add(project);
        Map<String, Map<String, Object>> packageVars = new LinkedHashMap<>();
        projects.forEach(p -> packageVars.put(p.name(), p.vars()));
        Vars vars = new Vars(cliVars, project.vars(), pkg, packageVars);

        ProjectFileIndex projectFiles = new ProjectFileIndex(); // each resource folder walked once per parse
        // read when first needed: a parse taken whole from the cache renders nothing and never reads them
        Memo<List<MacroFile>> macroFiles = Memo.of(() -> macroSources(projectFiles, projects, target));
        Memo<List<MacroSource>> sources = Memo.of(() -> texts(macroFiles.get()));
        boolean storable = cacheUse != null; // a full parse is stored unless the cache proved unusable here
        // parsed on another thread while the cache is read; a cached parse hands them on, a full one waits for them
        MacroLibrary ahead = null;
        if (cacheUse != null && macrosAhead) {
            ahead = jinja.macrosByFile(pkg, sources, () -> macroIndex(macroFiles.get()));
            ahead.prepareInBackground();
        }
        if (cacheUse != null) {
            try {
                ParseCache.Lookup lookup = cacheUse.cache().lookup(cacheUse.inputs(), cacheUse.env(),
                        () -> FileTable.scan(projects), cacheUse.decodeAhead());
                if (lookup instanceof ParseCache.Fresh fresh) {
                    debug("Reusing the whole parse from " + ParseCache.FILE_NAME);
                    MacroLibrary macros = ahead != null ? ahead : jinja.macrosByFile(pkg, sources, () -> macroIndex(macroFiles.get()));
                    return new ParsedProject(project, fresh.manifest(), fresh.counts(), macros, vars, dispatchOrder,
                            target, CacheLineage.unchanged(fresh.generation()));
                }
                if (lookup instanceof ParseCache.FilesChanged changed) {
                    // which naming macros apply is answered from the names the cached parse stored: the macro files
                    // are unchanged (or this would be a full parse), and a static model's re-parse reads none of them
                    MacroLibrary macros = ahead != null ? ahead : jinja.macrosByFile(pkg, sources,
                            () -> macroIndex(macroFiles.get()), () -> changed.earlier().macroNames());
                    ModelReparse.Result reparsed = new ModelReparse(this, jinja, project, target, vars, dispatchOrder, macros,
                            invocation(macros, target, invocationId, runStartedAt, pkg))
                            .apply(changed.earlier(), changed.changes());
                    if (reparsed != null) {
                        if (!reparsed.changedEdges().isEmpty()) {
                            // a cyclic manifest is never stored: a cached parse is trusted to be acyclic
                            Acyclic.checkThrough(reparsed.manifest().get(), reparsed.changedNodes());
                        }
                        ParseCache cache = cacheUse.cache();
                        long generation = cache.storeDeltaInBackground(cacheUse.inputs(), cacheUse.env(), changed,
                                reparsed.reparsed().values());
                        if (generation == 0) {
                            generation = cache.storeInBackground(cacheUse.inputs(), cacheUse.env(), changed::files,
                                    reparsed.manifest().get());
                        }
                        debug("Re-parsed " + changed.changes().changed().size() + " changed model file(s)");
                        return new ParsedProject(project, reparsed.manifest(), changed.earlier().counts(), macros,
                                vars, dispatchOrder, target, generation == 0 ? CacheLineage.NONE
                                : new CacheLineage(generation, changed.generation(), reparsed.changedNodes(),
                                reparsed.changedEdges())).withReparsed(reparsed.reparsed());
                    }
                    debug("Files other than model files changed: parsing everything");
                } else if (lookup instanceof ParseCache.Miss miss) {
                    debug("Parsing everything: " + miss.why());
                }
            } catch (RuntimeException e) {
                if (e instanceof SluiceException) {
                    throw e;
                }
                debug("The parse cache is not usable here (" + e.getMessage() + "): parsing everything");
                storable = false;
            }
        }
        ParsedProject parsed = parseAll(projectFiles, project, target, invocationId, runStartedAt, projects, vars,
                dispatchOrder, macroFiles.get(), ahead);
        long clock = System.nanoTime();
        parsed.manifest().prepareMapsAhead(); // for manifest.json, on the other core while this one checks
        Acyclic.check(parsed.manifest()); // before the parse is stored: a cached parse is trusted to be acyclic
        phase("cycle check", clock);
        if (storable) {
            // stored with the files as this parse listed and read them (none listed or read again)
            long generation = cacheUse.cache().storeInBackground(cacheUse.inputs(), cacheUse.env(),
                    () -> FileTable.ofParse(projects, projectFiles), parsed.manifest());
            parsed = parsed.withLineage(CacheLineage.fullParse(generation));
        }
        return parsed;
    }

    /** Reports the time since {@code since} as a debug line (shown with --debug) and returns now. */
    private long phase(String name, long since) {
        long now = System.nanoTime();
        debug("Parse phase: " + name + " in " + (now - since) / 1_000_000 + " ms");
        return now;
    }

    private void debug(String text) {
        events.accept(Event.Message.debug(text));
    }

    /** A macro file's text, and the file (null for Sluice's and the adapter's built-in macros). */
    private record MacroFile(MacroSource source, ProjectFile file) {
    }

    /** Sluice's built-in macros, the adapter's, then every package's macro files (and generic tests) in order. */
    private static List<MacroFile> macroSources(ProjectFileIndex index, List<ProjectConfig> projects,
                                                ParseTarget target) {
        List<MacroFile> sources = new ArrayList<>();
        InternalMacros.load().forEach(source -> sources.add(new MacroFile(source, null)));
        if (target.adapterMacros() != null && !target.adapterMacros().isBlank()) {
            sources.add(new MacroFile(new MacroSource(MacroLibrary.INTERNAL_PACKAGE, "sluice/adapters/"
                    + target.adapterType() + "/macros.sql", target.adapterMacros()), null));
        }
        for (ProjectConfig p : projects) {
            for (ProjectFile file : macroFiles(index, p)) {
                sources.add(new MacroFile(new MacroSource(p.name(), file.originalFilePath(), index.read(file)),
                        file));
            }
        }
        return sources;
    }

    /**
     * Package -> macro name -> the index in {@code files} of the file defining it (the last one, as parsing keeps),
     * found by scanning them (no Jinja parse).
     */
    private static Map<String, Map<String, Integer>> macroIndex(List<MacroFile> files) {
        Map<String, Map<String, Integer>> index = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            MacroSource source = files.get(i).source();
            for (Macro macro : BlockScanner.macros(source.packageName(), fileOf(files.get(i)), source.text())) {
                index.computeIfAbsent(macro.packageName(), k -> new java.util.HashMap<>()).put(macro.name(), i);
            }
        }
        return index;
    }

    /** The file a macro source came from, or one standing for a built-in source by its path. */
    private static ProjectFile fileOf(MacroFile macroFile) {
        MacroSource source = macroFile.source();
        return macroFile.file() != null ? macroFile.file() : new ProjectFile(Path.of(source.originalFilePath()),
                source.originalFilePath(), "macros", source.originalFilePath());
    }

    /** The macro records of every macro file, by unique id, as the manifest lists them. */
    private static Map<String, Macro> macroRecords(List<MacroFile> files) {
        Map<String, Macro> records = new LinkedHashMap<>();
        for (MacroFile macroFile : files) {
            MacroSource source = macroFile.source();
            BlockScanner.macros(source.packageName(), fileOf(macroFile), source.text())
                    .forEach(m -> records.put(m.uniqueId(), m));
        }
        return records;
    }

    private static List<MacroSource> texts(List<MacroFile> files) {
        return files.stream().map(MacroFile::source).toList();
    }

    private static List<ProjectFile> macroFiles(ProjectFileIndex index, ProjectConfig p) {
        List<ProjectFile> macroFiles = new ArrayList<>(index.find(p.root(), p.macroPaths(), Set.of("sql")));
        for (String testPath : p.testPaths()) {
            macroFiles.addAll(index.find(p.root(), List.of(testPath + "/generic"), Set.of("sql")));
        }
        return macroFiles;
    }

    NodeContext.Invocation invocation(MacroLibrary macros, ParseTarget target, String invocationId,
                                      String runStartedAt, String pkg) {
        return new NodeContext.Invocation(macros, target.adapterType(), target.dialect(), target.targetContext(), env,
                text -> events.accept(Event.Message.info(text)), invocationId, runStartedAt, Map.of(), pkg);
    }

    private ParsedProject parseAll(ProjectFileIndex files, ProjectConfig project, ParseTarget target, String invocationId,
                                   String runStartedAt, List<ProjectConfig> projects, Vars vars,
                                   DispatchOrder dispatchOrder, List<MacroFile> macroFiles, MacroLibrary ahead) {
        Path root = project.root();
        String pkg = project.name();
        long clock = System.nanoTime();
        Map<String, Macro> macroRecords = macroRecords(macroFiles);
        MacroLibrary macros = ahead != null ? ahead.parsedNow() : jinja.parseMacros(pkg, texts(macroFiles));

        Map<String, Doc> docs = new LinkedHashMap<>();
        for (ProjectConfig p : projects) {
            for (ProjectFile file : files.find(p.root(), p.docsPaths(), Set.of("md"))) {
                for (Doc doc : BlockScanner.docs(p.name(), file, files.read(file))) {
                    docs.put(doc.uniqueId(), doc);
                }
            }
        }

        clock = phase("macros and docs", clock);
        NodeContext.Invocation invocation = invocation(macros, target, invocationId, runStartedAt, pkg);
        NodeFactory factory = new NodeFactory(jinja, macros, invocation, target, vars, dispatchOrder, files::read);

        List<SchemaFile> schemaFiles = new ArrayList<>();
        List<Node> nodes = new ArrayList<>();
        for (ProjectConfig p : projects) {
            List<SchemaFile> own = parseSchemaFiles(files, p, project, vars, docs, target);
            schemaFiles.addAll(own);
            nodes.addAll(new PackageNodes(factory, files, p, project).collect(own));
        }
        checkDuplicates(nodes);
        clock = phase("schema files and resource files", clock);

        Map<String, Node> byKindAndName = new LinkedHashMap<>();
        for (Node node : nodes) {
            byKindAndName.put(node.packageName + "/" + patchKind(node.resourceType) + "/" + node.name, node);
        }
        for (SchemaFile schema : schemaFiles) {
            for (SchemaFile.Patch patch : schema.patches) {
                Node node = byKindAndName.get(schema.packageName + "/" + patch.kind() + "/" + patch.name());
                if (node == null) {
                    events.accept(Event.Message.warn("Did not find matching node for patch with name '" + patch.name()
                            + "' in the '" + patch.kind() + "' section of file '" + patch.file().originalFilePath() + "'"));
                } else {
                    PatchApplier.apply(patch, node);
                }
            }
        }
        clock = phase("patches", clock);
        for (Node node : nodes) {
            factory.parseRender(node);
        }
        clock = phase("parse render", clock);
        Map<String, GenericTestBuilder> testBuilders = new LinkedHashMap<>();
        for (ProjectConfig p : projects) {
            testBuilders.put(p.name(), new GenericTestBuilder(PackageNodes.trees(p, project, ProjectConfig::tests)));
        }
        List<SourceDefinition> sourceDefinitions = new ArrayList<>();
        List<Exposure> exposures = new ArrayList<>();
        Map<String, UnitTestBuilder> unitTestBuilders = new LinkedHashMap<>();
        for (ProjectConfig p : projects) {
            unitTestBuilders.put(p.name(), new UnitTestBuilder(p.root(), p.testPaths()));
        }
        GenericTests genericTests = GenericTests.build(schemaFiles, testBuilders);
        for (SchemaFile schema : schemaFiles) {
            for (int i = 0; i < schema.tests.size(); i++) {
                nodes.add(genericTests.next());
            }
            for (SchemaFile.UnitTestEntry entry : schema.unitTests) {
                nodes.add(unitTestBuilders.get(schema.packageName).build(entry, schema.packageName));
            }
            sourceDefinitions.addAll(schema.sources);
            exposures.addAll(schema.exposures);
        }

        clock = phase("generic tests", clock);
        RelationNaming naming = new RelationNaming(jinja, macros, target.adapterType(), dispatchOrder,
                target.targetContext());
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
                naming.apply(node, () -> factory.parseContext(node));
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
        clock = phase("dependencies and relation names", clock);
        Manifest manifest = new Manifest(pkg, enabled, sourceMap, macroRecords, docs, exposureMap, disabled,
                loadSelectors(root));
        return new ParsedProject(project, manifest, macros, vars, dispatchOrder, target, CacheLineage.NONE);
    }

    private List<SchemaFile> parseSchemaFiles(ProjectFileIndex projectFiles, ProjectConfig project,
                                              ProjectConfig rootProject, Vars vars, Map<String, Doc> docs,
                                              ParseTarget target) {
        SchemaYamlParser parser = schemaYamlParser(project, rootProject);
        List<String> roots = new ArrayList<>();
        roots.addAll(project.modelPaths());
        roots.addAll(project.seedPaths());
        roots.addAll(project.testPaths());
        roots.addAll(project.analysisPaths());
        roots.addAll(project.snapshotPaths());
        roots.addAll(project.macroPaths());
        List<ProjectFile> files = projectFiles.find(project.root(), roots.stream().distinct().toList(),
                Set.of("yml", "yaml"));
        // Files are parsed on all cores; what each logged is replayed, and its error thrown, in file order.
        List<SchemaOutcome> outcomes = InOrder.ofMachine().map(files, file -> {
            List<String> messages = new ArrayList<>();
            try {
                return new SchemaOutcome(parser.parse(file, projectFiles.read(file), new SchemaJinja(jinja,
                        project.name(), vars, env, docs, target, file.originalFilePath(), messages::add)), messages,
                        null);
            } catch (RuntimeException e) {
                return new SchemaOutcome(null, messages, e);
            }
        });
        List<SchemaFile> out = new ArrayList<>();
        for (SchemaOutcome outcome : outcomes) {
            outcome.messages().forEach(text -> events.accept(Event.Message.info(text)));
            if (outcome.error() != null) {
                throw outcome.error();
            }
            out.add(outcome.schema());
        }
        return out;
    }

    /** One schema file parsed, or the error it raised, with what its Jinja logged. */
    private record SchemaOutcome(SchemaFile schema, List<String> messages, RuntimeException error) {
    }

    /** Reads one schema YAML file of a package (its Jinja rendered with var, env_var, target and doc). */
    interface SchemaFileReader {
        SchemaFile read(ProjectFile file);
    }

    /** A reader of single schema files, as {@link #parseSchemaFiles} reads each (the parse cache re-reads one). */
    SchemaFileReader schemaFileReader(ProjectConfig project, ProjectConfig rootProject, Vars vars,
                                      Map<String, Doc> docs, ParseTarget target) {
        SchemaYamlParser parser = schemaYamlParser(project, rootProject);
        return file -> parser.parse(file, ProjectFiles.read(file), new SchemaJinja(jinja, project.name(), vars, env,
                docs, target, file.originalFilePath(), text -> events.accept(Event.Message.info(text))));
    }

    private static SchemaYamlParser schemaYamlParser(ProjectConfig project, ProjectConfig rootProject) {
        return new SchemaYamlParser(project.name(), new SchemaYamlParser.SourceConfigs() {
            @Override
            public void applyToSource(List<String> fqn, NodeConfig config) {
                PackageNodes.trees(project, rootProject, ProjectConfig::sources)
                        .forEach(tree -> FolderConfigs.apply(tree, fqn, config));
            }

            @Override
            public void applyToExposure(List<String> fqn, NodeConfig config) {
                PackageNodes.trees(project, rootProject, ProjectConfig::exposures)
                        .forEach(tree -> FolderConfigs.apply(tree, fqn, config));
            }
        });
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
