package dev.sluice.core.api;

import dev.sluice.core.compile.CompiledNode;
import dev.sluice.core.compile.Compiler;
import dev.sluice.core.compile.Relations;
import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.errors.SourceLocation;
import dev.sluice.core.events.Event;
import dev.sluice.core.execute.NodeResult;
import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.execute.NodeWork;
import dev.sluice.core.execute.RunResults;
import dev.sluice.core.execute.Runner;
import dev.sluice.core.graph.Dag;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.ResourceType;
import dev.sluice.core.materialize.IncrementalMaterialization;
import dev.sluice.core.materialize.ModelMaterialization;
import dev.sluice.core.materialize.Outcome;
import dev.sluice.core.materialize.SeedMaterialization;
import dev.sluice.core.materialize.SnapshotMaterialization;
import dev.sluice.core.materialize.TestMaterialization;
import dev.sluice.core.python.PythonModels;
import dev.sluice.core.unittest.UnitTestRunner;
import dev.sluice.spi.Adapter;
import dev.sluice.spi.Relation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code run}, {@code seed}, {@code test} and {@code build}: select, create schemas, hooks, execute, write artifacts. */
final class ExecuteCommand {
    private final Session session;
    private final ArtifactWriter artifacts;
    private final PythonModels pythonModels;

    ExecuteCommand(Session session) {
        this.session = session;
        this.artifacts = new ArtifactWriter(session);
        this.pythonModels = new PythonModels(session.project.root(), name -> session.env().get(name).orElse(null),
                text -> session.events().accept(Event.Message.info(text)));
    }

    RunResults execute(String command, Set<ResourceType> types) {
        return execute(command, types, null, Map.of());
    }

    /**
     * As {@link #execute(String, Set)}; when {@code only} is not null the nodes are exactly those of {@code only}
     * (of the command's types, in the manifest) instead of the selection ({@code retry}). {@code extraArgs} go into
     * run_results.json's {@code args}.
     */
    RunResults execute(String command, Set<ResourceType> types, Set<String> only, Map<String, Object> extraArgs) {
        Instant started = Instant.now();
        Dag dag = Dag.of(session.parsed.manifest());
        List<Node> nodes = only == null ? Selection.nodes(session, dag, types) : exactly(dag, only, types);
        session.events().accept(Event.Message.info(ProjectSummary.of(session.parsed.manifest())));
        Set<String> silent = new HashSet<>();
        nodes.stream().filter(Node::isEphemeral).forEach(n -> silent.add(n.uniqueId));
        int total = nodes.size() - silent.size();
        if (total == 0) {
            session.events().accept(Event.Message.warn(
                    "Nothing to do. Try checking your model configs and model specification args"));
            RunResults empty = new RunResults(command, Instant.now(), 0, List.of(), List.of(command));
            artifacts.manifest();
            artifacts.runResults(empty, extraArgs);
            session.events().accept(new Event.RunFinished(Instant.now(), empty));
            return empty;
        }
        session.events().accept(new Event.RunStarted(Instant.now(), command, total, counts(nodes, silent),
                session.target.threads(), session.target.targetName()));
        long clock = System.nanoTime();
        Adapter adapter = session.adapter();
        clock = debugTime("warehouse connection ready", clock);
        Set<String> selectedIds = new HashSet<>();
        nodes.forEach(n -> selectedIds.add(n.uniqueId));
        Compiler compiler = session.compiler(selectedIds);
        clock = debugTime("compiler ready", clock);
        createSchemas(nodes, adapter);
        clock = debugTime("schemas created", clock);
        runHooks("on-run-start", session.project.onRunStart(), compiler, adapter, List.of());
        Map<String, Set<String>> extraParents = new HashMap<>(command.equals("build") ? testEdges(nodes, dag) : Map.of());
        Map<String, Set<String>> droppedParents = UnitTestEdges.reverse(nodes, extraParents);
        Runner runner = new Runner(session.events(), session.target.threads(), session.options.failFast());
        UnitTestRunner unitTests = session.unitTests();
        List<NodeResult> results = runner.execute(nodes, extraParents, droppedParents, silent,
                node -> node.resourceType == ResourceType.UNIT_TEST ? unitTest(node, unitTests)
                        : work(node, compiler, adapter));
        double elapsed = Duration.between(started, Instant.now()).toNanos() / 1e9;
        RunResults runResults = new RunResults(command, Instant.now(), elapsed, results, List.of(command));
        runHooks("on-run-end", session.project.onRunEnd(), compiler, adapter, results);
        session.releaseWarehouse();
        artifacts.manifest();
        artifacts.runResults(runResults, extraArgs);
        session.events().accept(new Event.RunFinished(Instant.now(), runResults));
        return runResults;
    }

    /** Reports the time since {@code since} as a debug line (shown with --debug) and returns now. */
    private long debugTime(String what, long since) {
        long now = System.nanoTime();
        session.events().accept(Event.Message.debug("Run set-up: " + what + " in " + (now - since) / 1_000_000 + " ms"));
        return now;
    }

    private NodeWork.Done unitTest(Node node, UnitTestRunner unitTests) {
        UnitTestRunner.Result result = unitTests.run(node);
        artifacts.compiled(new CompiledNode(node, result.sql().code(), null, result.sql().fixtures()));
        artifacts.ran(node, result.sql().code());
        Outcome outcome = result.outcome();
        return new NodeWork.Done(outcome.status(), outcome.message(), outcome.summary(), outcome.failures(),
                outcome.adapterResponse(), result.sql().code(), null);
    }

    /** The manifest's nodes among {@code ids} of the given types, in execution order. */
    private List<Node> exactly(Dag dag, Set<String> ids, Set<ResourceType> types) {
        List<String> kept = new ArrayList<>();
        for (String id : ids) {
            Node node = session.parsed.manifest().nodes.get(id);
            if (node != null && types.contains(node.resourceType)) {
                kept.add(id);
            }
        }
        List<Node> nodes = new ArrayList<>();
        dag.sort(kept).forEach(id -> nodes.add(session.parsed.manifest().nodes.get(id)));
        return nodes;
    }

    private NodeWork.Done work(Node node, Compiler compiler, Adapter adapter) {
        CompiledNode compiled = compiler.compile(node);
        artifacts.compiled(compiled);
        String relationName = compiled.relation() == null || node.isEphemeral() ? null
                : adapter.dialect().render(compiled.relation());
        if (node.isEphemeral()) {
            return new NodeWork.Done(NodeStatus.SUCCESS, "OK", "OK", null, Map.of(), compiled.compiledCode(), null);
        }
        Outcome outcome = switch (node.resourceType) {
            case MODEL -> {
                artifacts.ran(node, compiled.compiledCode());
                if ("python".equals(node.language)) {
                    yield pythonModels.run(compiled, compiler, adapter, session.options.fullRefresh());
                }
                yield "incremental".equals(node.materialized())
                        ? IncrementalMaterialization.run(compiled, compiler, adapter, session.options.fullRefresh())
                        : ModelMaterialization.run(compiled, compiler, adapter);
            }
            case SEED -> SeedMaterialization.run(compiled, compiler, adapter);
            case SNAPSHOT -> {
                artifacts.ran(node, compiled.compiledCode());
                yield SnapshotMaterialization.run(compiled, compiler, adapter);
            }
            case TEST -> {
                artifacts.ran(node, TestMaterialization.verdictSql(compiled));
                yield TestMaterialization.run(compiled, adapter);
            }
            default -> throw new SluiceException(ErrorCode.COMPILATION, "Sluice cannot execute a "
                    + node.resourceType.dbtName() + " yet", SourceLocation.of(node.originalFilePath), node.describe(), null);
        };
        return new NodeWork.Done(outcome.status(), outcome.message(), outcome.summary(), outcome.failures(),
                outcome.adapterResponse(), compiled.compiledCode(), relationName);
    }

    private void createSchemas(List<Node> nodes, Adapter adapter) {
        Set<List<String>> schemas = new LinkedHashSet<>();
        for (Node node : nodes) {
            if (Relations.builds(node)) {
                Relation relation = Relations.of(node);
                schemas.add(java.util.Arrays.asList(relation.database(), relation.schema()));
            }
        }
        for (List<String> schema : schemas) {
            adapter.createSchema(schema.get(0), schema.get(1));
        }
    }

    void runHooks(String kind, List<String> hooks, Compiler compiler, Adapter adapter, List<NodeResult> results) {
        for (int i = 0; i < hooks.size(); i++) {
            String name = session.project.name() + "-" + kind + "-" + i;
            Instant started = Instant.now();
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("results", results.stream().map(ExecuteCommand::resultDict).toList());
            extra.put("schemas", new ArrayList<>(schemasOf()));
            try {
                String sql = compiler.renderInContext(hooks.get(i), null, "dbt_project.yml", extra).strip();
                if (!sql.isEmpty()) {
                    adapter.execute(sql);
                }
            } catch (dev.sluice.spi.AdapterException e) {
                throw new SluiceException(ErrorCode.SQL_FAILED, "on " + kind + " hook " + i + ": " + e.getMessage(),
                        SourceLocation.of("dbt_project.yml"), name, e);
            }
            session.events().accept(new Event.HookFinished(Instant.now(), name, true,
                    Duration.between(started, Instant.now()).toNanos() / 1e9));
        }
    }

    private Set<String> schemasOf() {
        Set<String> schemas = new LinkedHashSet<>();
        session.parsed.manifest().nodes.values().stream().filter(Relations::builds).forEach(n -> schemas.add(n.schema));
        return schemas;
    }

    private static Map<String, Object> resultDict(NodeResult result) {
        Map<String, Object> dict = new LinkedHashMap<>();
        dict.put("status", result.status().dbtName());
        dict.put("message", result.message());
        dict.put("execution_time", result.executionTime());
        dict.put("failures", result.failures());
        dict.put("node", Map.of("unique_id", result.uniqueId()));
        dict.put("unique_id", result.uniqueId());
        return dict;
    }

    private static Map<String, Integer> counts(List<Node> nodes, Set<String> silent) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Node node : nodes) {
            if (silent.contains(node.uniqueId)) {
                continue;
            }
            String kind = switch (node.resourceType) {
                case MODEL -> node.materialized() + " model";
                case TEST -> "data test";
                case UNIT_TEST -> "unit test";
                case SEED -> "seed";
                case SNAPSHOT -> "snapshot";
                default -> node.resourceType.dbtName();
            };
            counts.merge(kind, 1, Integer::sum);
        }
        return counts;
    }

    /**
     * build: a model waits for the tests of its parents (so a failing test skips what is downstream), when every
     * parent of the test is upstream of the model; that rule can never make a cycle.
     */
    private static Map<String, Set<String>> testEdges(List<Node> nodes, Dag dag) {
        Set<String> selected = new HashSet<>();
        nodes.forEach(n -> selected.add(n.uniqueId));
        Map<String, Set<String>> extra = new HashMap<>();
        Map<String, Set<String>> descendants = new HashMap<>();
        for (Node test : nodes) {
            if (test.resourceType != ResourceType.TEST || test.dependsOnNodes.isEmpty()) {
                continue;
            }
            Set<String> testParents = test.dependsOnNodes;
            // a model qualifies when every parent of the test is among its ancestors, that is when it is a
            // descendant of each of them: look only among the descendants of the parent that has the fewest
            Set<String> fewest = null;
            for (String parent : testParents) {
                Set<String> below = descendants.computeIfAbsent(parent, dag::descendants);
                if (fewest == null || below.size() < fewest.size()) {
                    fewest = below;
                }
            }
            for (String child : fewest) {
                if (!selected.contains(child) || child.startsWith("test.") || child.startsWith("unit_test.")
                        || child.equals(test.uniqueId) || !childOfAny(dag, child, testParents)) {
                    continue;
                }
                boolean belowAll = true;
                for (String parent : testParents) {
                    if (!descendants.get(parent).contains(child)) {
                        belowAll = false;
                        break;
                    }
                }
                if (belowAll) {
                    extra.computeIfAbsent(child, k -> new HashSet<>()).add(test.uniqueId);
                }
            }
        }
        return extra;
    }

    private static boolean childOfAny(Dag dag, String child, Set<String> parents) {
        for (String parent : dag.parents(child)) {
            if (parents.contains(parent)) {
                return true;
            }
        }
        return false;
    }
}
