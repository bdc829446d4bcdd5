package dev.sluice.core.graph;

import dev.sluice.core.manifest.Exposure;
import dev.sluice.core.manifest.Manifest;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.NodeConfig;
import dev.sluice.core.manifest.ResourceType;
import dev.sluice.core.manifest.SourceDefinition;
import dev.sluice.core.manifest.TestMetadata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds small manifests by hand. Dependencies are full unique ids, or bare names that {@link #build()} resolves to
 * the node of that name (models, seeds, snapshots). Ids follow dbt: {@code model.<pkg>.<name>}, {@code
 * source.<pkg>.<source>.<table>}, {@code test.<pkg>.<name>}, {@code unit_test.<pkg>.<model>.<name>}.
 */
final class ManifestFixture {
    private final String project;
    private final List<Res> resources = new ArrayList<>();
    private final Map<String, SourceDefinition> sources = new LinkedHashMap<>();
    private final Map<String, Object> selectors = new LinkedHashMap<>();

    ManifestFixture(String project) {
        this.project = project;
    }

    /** A model at models/[folder/]name.sql of the root project. */
    Res model(String name) {
        return add(new Res(ResourceType.MODEL, project, name, "models"));
    }

    Res seed(String name) {
        return add(new Res(ResourceType.SEED, project, name, "seeds")).extension(".csv");
    }

    Res snapshot(String name) {
        return add(new Res(ResourceType.SNAPSHOT, project, name, "snapshots"));
    }

    /** A model of another package. */
    Res packageModel(String pkg, String name) {
        return add(new Res(ResourceType.MODEL, pkg, name, "models"));
    }

    /** A generic test such as unique or relationships; the first parent is the tested resource. */
    Res genericTest(String id, String testName, String namespace, String... parents) {
        Res test = add(new Res(ResourceType.TEST, project, id, "models"));
        test.metadata = new TestMetadata(testName, namespace, Map.of());
        test.file = "models/schema.yml";
        test.dependsOn(parents);
        return test;
    }

    /** A singular test at tests/name.sql. */
    Res singularTest(String name, String... parents) {
        return add(new Res(ResourceType.TEST, project, name, "tests")).dependsOn(parents);
    }

    Res unitTest(String name, String model) {
        Res test = add(new Res(ResourceType.UNIT_TEST, project, name, "models"));
        test.uniqueIdOverride = "unit_test." + project + "." + model + "." + name;
        test.file = "models/unit_tests.yml";
        return test.dependsOn(model);
    }

    /** A source table declared in {@code file}. */
    ManifestFixture source(String sourceName, String table, String file, String... tags) {
        String id = "source." + project + "." + sourceName + "." + table;
        List<String> fqn = new ArrayList<>(List.of(project));
        String folder = file.contains("/") ? file.substring(file.indexOf('/') + 1, file.lastIndexOf('/') + 1) : "";
        for (String part : folder.split("/")) {
            if (!part.isEmpty()) {
                fqn.add(part);
            }
        }
        fqn.add(sourceName);
        fqn.add(table);
        SourceDefinition source = new SourceDefinition(id, project, sourceName, table, file, fqn);
        source.tags = List.of(tags);
        sources.put(id, source);
        return this;
    }

    ManifestFixture exposure(String name, String... parents) {
        Res exposure = add(new Res(ResourceType.EXPOSURE, project, name, "models"));
        exposure.file = "models/exposures.yml";
        exposure.dependsOn(parents);
        return this;
    }

    /** A selectors.yml entry, stored whole as the parser would. */
    ManifestFixture selector(String name, Object definition) {
        selectors.put(name, Map.of("name", name, "definition", definition));
        return this;
    }

    ManifestFixture defaultSelector(String name, Object definition) {
        selectors.put(name, Map.of("name", name, "definition", definition, "default", true));
        return this;
    }

    /** A selector stored as its bare definition. */
    ManifestFixture rawSelector(String name, Object definition) {
        selectors.put(name, definition);
        return this;
    }

    private Res add(Res res) {
        resources.add(res);
        return res;
    }

    Manifest build() {
        Map<String, Node> nodes = new LinkedHashMap<>();
        Map<String, Exposure> exposures = new LinkedHashMap<>();
        for (Res res : resources) {
            if (res.type == ResourceType.EXPOSURE) {
                Exposure exposure = new Exposure("exposure." + res.pkg + "." + res.name, res.pkg, res.name,
                        res.file, List.of(res.pkg, res.name));
                exposure.dependsOnNodes.addAll(resolve(res.parents));
                exposures.put(exposure.uniqueId, exposure);
                continue;
            }
            Node node = res.toNode();
            node.dependsOnNodes.addAll(resolve(res.parents));
            nodes.put(node.uniqueId, node);
        }
        return new Manifest(project, nodes, sources, Map.of(), Map.of(), exposures, Map.of(), selectors);
    }

    private List<String> resolve(List<String> parents) {
        List<String> out = new ArrayList<>();
        for (String parent : parents) {
            if (parent.contains(".")) {
                out.add(parent);
                continue;
            }
            Res match = resources.stream()
                    .filter(r -> r.name.equals(parent) && r.type != ResourceType.TEST && r.type != ResourceType.EXPOSURE
                            && r.type != ResourceType.UNIT_TEST)
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("no node named " + parent));
            out.add(match.uniqueId());
        }
        return out;
    }

    /** One resource being described. */
    static final class Res {
        final ResourceType type;
        final String pkg;
        final String name;
        final String root;
        String folder = "";
        String ext = ".sql";
        String file;
        String patchPath;
        String uniqueIdOverride;
        TestMetadata metadata;
        final NodeConfig config = new NodeConfig();
        final List<String> parents = new ArrayList<>();

        Res(ResourceType type, String pkg, String name, String root) {
            this.type = type;
            this.pkg = pkg;
            this.name = name;
            this.root = root;
        }

        /** The folder under the resource root, e.g. "staging" or "marts/finance". */
        Res in(String folder) {
            this.folder = folder;
            return this;
        }

        Res extension(String ext) {
            this.ext = ext;
            return this;
        }

        Res dependsOn(String... ids) {
            parents.addAll(Arrays.asList(ids));
            return this;
        }

        Res tags(String... tags) {
            config.set("tags", List.of(tags));
            return this;
        }

        Res config(String key, Object value) {
            config.set(key, value);
            return this;
        }

        Res patchedBy(String yamlFile) {
            this.patchPath = pkg + "://" + yamlFile;
            return this;
        }

        String uniqueId() {
            return uniqueIdOverride != null ? uniqueIdOverride : type.dbtName() + "." + pkg + "." + name;
        }

        Node toNode() {
            String path = (folder.isEmpty() ? "" : folder + "/") + name + ext;
            List<String> fqn = new ArrayList<>(List.of(pkg));
            if (!folder.isEmpty()) {
                fqn.addAll(Arrays.asList(folder.split("/")));
            }
            fqn.add(name);
            Node node = new Node(uniqueId(), type, pkg, name, path, file != null ? file : root + "/" + path, fqn);
            node.config = config;
            node.testMetadata = metadata;
            node.patchPath = patchPath;
            return node;
        }
    }
}
