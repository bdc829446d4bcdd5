package dev.sluice.core.manifest.parse;

import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.ResourceType;
import dev.sluice.core.parallel.InOrder;
import dev.sluice.core.project.ProjectConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The nodes one package's files define: models, seeds, singular tests, analyses and snapshots (from blocks and from
 * YAML). A package's own dbt_project.yml configures its nodes first; the root project's configs apply on top, as in
 * dbt ({@code models: {dbt_utils: {+schema: utils}}}).
 */
final class PackageNodes {
    private final NodeFactory factory;
    private final ProjectFileIndex files;
    private final ProjectConfig project;
    private final ProjectConfig root;

    PackageNodes(NodeFactory factory, ProjectFileIndex files, ProjectConfig project, ProjectConfig root) {
        this.factory = factory;
        this.files = files;
        this.project = project;
        this.root = root;
    }

    /** The config trees that apply to this package's nodes of one kind, lowest precedence first. */
    static List<Map<String, Object>> trees(ProjectConfig project, ProjectConfig root,
                                           Function<ProjectConfig, Map<String, Object>> kind) {
        return project == root || project.name().equals(root.name()) ? List.of(kind.apply(project))
                : List.of(kind.apply(project), kind.apply(root));
    }

    List<Node> collect(List<SchemaFile> schemaFiles) {
        String pkg = project.name();
        List<Node> nodes = new ArrayList<>();
        // Reading and hashing the files runs on all cores; nodes keep file order and the first error in it wins.
        InOrder inOrder = InOrder.ofMachine();
        List<Map<String, Object>> modelTrees = trees(project, root, ProjectConfig::models);
        nodes.addAll(inOrder.map(files.find(project.root(), project.modelPaths(), Set.of("sql", "py")),
                file -> factory.create(ResourceType.MODEL, pkg, file, modelTrees)));
        List<Map<String, Object>> seedTrees = trees(project, root, ProjectConfig::seeds);
        nodes.addAll(inOrder.map(files.find(project.root(), project.seedPaths(), Set.of("csv")),
                file -> factory.create(ResourceType.SEED, pkg, file, seedTrees)));
        List<Map<String, Object>> testTrees = trees(project, root, ProjectConfig::tests);
        List<ProjectFile> singular = files.find(project.root(), project.testPaths(), Set.of("sql")).stream()
                .filter(file -> !file.pathInRoot().startsWith("generic/") && !file.pathInRoot().startsWith("fixtures/"))
                .toList();
        nodes.addAll(inOrder.map(singular, file -> factory.create(ResourceType.TEST, pkg, file, testTrees)));
        List<Map<String, Object>> analysisTrees = trees(project, root, ProjectConfig::analyses);
        nodes.addAll(inOrder.map(files.find(project.root(), project.analysisPaths(), Set.of("sql")),
                file -> factory.create(ResourceType.ANALYSIS, pkg, file, analysisTrees)));
        List<Map<String, Object>> snapshotTrees = trees(project, root, ProjectConfig::snapshots);
        for (ProjectFile file : files.find(project.root(), project.snapshotPaths(), Set.of("sql"))) {
            for (BlockScanner.SnapshotBlock block : BlockScanner.snapshots(files.read(file))) {
                nodes.add(factory.snapshot(pkg, file, block.name(), block.body(), block.line(), snapshotTrees));
            }
        }
        for (SchemaFile schema : schemaFiles) {
            for (SchemaFile.Patch patch : schema.patches) {
                if (patch.kind().equals("snapshots") && patch.body().get("relation") != null) {
                    String relation = String.valueOf(patch.body().get("relation")).strip();
                    String body = "select * from " + (relation.startsWith("{{") ? relation : "{{ " + relation + " }}");
                    nodes.add(factory.snapshot(pkg, patch.file(), patch.name(), body, patch.line(), snapshotTrees));
                }
            }
        }
        return nodes;
    }
}
