package dev.sluice.core.api;

import dev.sluice.core.compile.Relations;
import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.events.Event;
import dev.sluice.core.execute.NodeResult;
import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.execute.NodeWork;
import dev.sluice.core.execute.RunResults;
import dev.sluice.core.execute.Runner;
import dev.sluice.core.graph.Dag;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.ResourceType;
import dev.sluice.core.state.PreviousState;
import dev.sluice.core.state.StateDeferResolver;
import dev.sluice.core.state.StateManifest;
import dev.sluice.core.state.StateNode;
import dev.sluice.spi.Adapter;
import dev.sluice.spi.Relation;
import dev.sluice.spi.RelationType;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code clone --state DIR}: each selected model, seed and snapshot gets, in the current target, a view selecting
 * from the relation the state manifest recorded for it (DuckDB has no zero-copy table clone; dbt's default clone
 * falls back to a view the same way). A relation that already exists is left alone unless {@code --full-refresh};
 * a node the state manifest lacks is reported and skipped.
 */
final class CloneCommand {
    private final Session session;
    private final ArtifactWriter artifacts;
    private final Map<String, Set<String>> existing = new ConcurrentHashMap<>();

    CloneCommand(Session session) {
        this.session = session;
        this.artifacts = new ArtifactWriter(session);
    }

    RunResults execute() {
        PreviousState state = session.state();
        if (state == null) {
            throw new SluiceException(ErrorCode.CONFIG_INVALID, "clone requires --state: the folder of the "
                    + "manifest.json whose relations to clone");
        }
        StateManifest previous = state.manifest();
        Instant started = Instant.now();
        Dag dag = Dag.of(session.parsed.manifest());
        List<Node> nodes = Selection.nodes(session, dag, EnumSet.of(ResourceType.MODEL, ResourceType.SEED,
                ResourceType.SNAPSHOT)).stream().filter(Relations::builds).toList();
        session.events().accept(Event.Message.info(ProjectSummary.of(session.parsed.manifest())));
        List<NodeResult> results = List.of();
        if (nodes.isEmpty()) {
            session.events().accept(Event.Message.warn(
                    "Nothing to do. Try checking your model configs and model specification args"));
        } else {
            session.events().accept(new Event.RunStarted(Instant.now(), "clone", nodes.size(), counts(nodes),
                    session.target.threads(), session.target.targetName()));
            Adapter adapter = session.adapter();
            Set<List<String>> schemas = new LinkedHashSet<>();
            for (Node node : nodes) {
                Relation relation = Relations.of(node);
                schemas.add(Arrays.asList(relation.database(), relation.schema()));
                exists(adapter, relation);
            }
            schemas.forEach(s -> adapter.createSchema(s.get(0), s.get(1)));
            Runner runner = new Runner(session.events(), session.target.threads(), session.options.failFast());
            results = runner.execute(nodes, Map.of(), Set.of(), node -> cloneOne(node, previous, adapter));
        }
        double elapsed = Duration.between(started, Instant.now()).toNanos() / 1e9;
        RunResults runResults = new RunResults("clone", Instant.now(), elapsed, results, List.of("clone"));
        artifacts.manifest();
        artifacts.runResults(runResults);
        session.events().accept(new Event.RunFinished(Instant.now(), runResults));
        return runResults;
    }

    private NodeWork.Done cloneOne(Node node, StateManifest previous, Adapter adapter) {
        Relation current = Relations.of(node);
        String currentName = adapter.dialect().render(current);
        StateNode recorded = previous.resource(node.uniqueId).orElse(null);
        if (recorded == null || !recorded.buildsRelation() || recorded.schema() == null) {
            return noOp("No relation found in state manifest for " + node.uniqueId, currentName);
        }
        Relation source = StateDeferResolver.relationOf(recorded);
        if (source.key().equals(current.key())) {
            return noOp("Relation " + currentName + " is the state relation itself", currentName);
        }
        if (exists(adapter, current) && !session.options.fullRefresh()) {
            return noOp("Relation " + currentName + " already exists", currentName);
        }
        String sql = "select * from " + adapter.dialect().render(source);
        adapter.replace(current.withType(RelationType.VIEW), sql, RelationType.VIEW);
        return new NodeWork.Done(NodeStatus.SUCCESS, "OK", "OK", null, Map.of("_message", "OK", "code", "OK"), sql,
                currentName);
    }

    private static NodeWork.Done noOp(String why, String relationName) {
        return new NodeWork.Done(NodeStatus.SUCCESS, why, "NO-OP", null, Map.of("_message", why), null, relationName);
    }

    /** Whether the relation existed when the command started: one listing per schema. */
    private boolean exists(Adapter adapter, Relation relation) {
        String key = lower(relation.database()) + "." + lower(relation.schema());
        Set<String> names = existing.computeIfAbsent(key, k -> {
            Set<String> out = new HashSet<>();
            adapter.listRelations(relation.database(), relation.schema()).forEach(r -> out.add(lower(r.identifier())));
            return out;
        });
        return names.contains(lower(relation.identifier()));
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }

    private static Map<String, Integer> counts(List<Node> nodes) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        nodes.forEach(n -> counts.merge(n.resourceType == ResourceType.MODEL ? "model" : n.resourceType.dbtName(), 1,
                Integer::sum));
        return counts;
    }
}
