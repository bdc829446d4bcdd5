package dev.sluice.core.api;

import dev.sluice.core.artifacts.ArtifactMetadata;
import dev.sluice.core.compile.Compiler;
import dev.sluice.core.events.Event;
import dev.sluice.core.execute.NodeResult;
import dev.sluice.core.execute.RunResults;
import dev.sluice.core.freshness.FreshnessCheck;
import dev.sluice.core.freshness.FreshnessRun;
import dev.sluice.core.freshness.FreshnessTarget;
import dev.sluice.core.freshness.SourceFreshness;
import dev.sluice.core.freshness.SourcesJson;
import dev.sluice.core.graph.Dag;
import dev.sluice.core.manifest.ResourceType;
import dev.sluice.core.manifest.SourceDefinition;
import dev.sluice.spi.Adapter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * {@code source freshness}: selects sources (all by default) that have freshness criteria, runs the project hooks as
 * dbt 1.10+ does, checks each source, and writes manifest.json and sources.json (target/sources.json unless
 * {@code output} names another file; a relative output is taken from the working directory, as dbt does).
 */
final class FreshnessCommand {
    static final String COMMAND = "freshness";
    private final Session session;

    FreshnessCommand(Session session) {
        this.session = session;
    }

    RunResults execute(Path output) {
        Instant started = Instant.now();
        Dag dag = Dag.of(session.parsed.manifest());
        List<FreshnessTarget> targets = targets(dag);
        session.events().accept(Event.Message.info(ProjectSummary.of(session.parsed.manifest())));
        ArtifactWriter artifacts = new ArtifactWriter(session);
        Path file = output == null ? session.targetDir.resolve("sources.json") : output.toAbsolutePath();
        if (targets.isEmpty()) {
            session.events().accept(Event.Message.warn(
                    "Nothing to do. Try checking your model configs and model specification args"));
            return finish(started, List.of(), List.of(), artifacts, file);
        }
        session.events().accept(new Event.RunStarted(Instant.now(), COMMAND, targets.size(),
                Map.of("source", targets.size()), session.target.threads(), session.target.targetName()));
        Adapter adapter = session.adapter();
        Compiler compiler = session.compiler();
        ExecuteCommand hooks = new ExecuteCommand(session);
        hooks.runHooks("on-run-start", session.project.onRunStart(), compiler, adapter, List.of());
        List<SourceFreshness> checked = new FreshnessRun(session.events(), new FreshnessCheck(adapter),
                session.target.threads()).run(targets);
        List<NodeResult> results = checked.stream().map(SourceFreshness::toNodeResult).toList();
        hooks.runHooks("on-run-end", session.project.onRunEnd(), compiler, adapter, results);
        return finish(started, checked, results, artifacts, file);
    }

    private List<FreshnessTarget> targets(Dag dag) {
        List<FreshnessTarget> targets = new ArrayList<>();
        for (String id : Selection.ids(session, dag, EnumSet.of(ResourceType.SOURCE))) {
            SourceDefinition source = session.parsed.manifest().sources.get(id);
            FreshnessTarget target = source == null || !source.config.enabled() ? null : FreshnessTarget.of(source);
            if (target != null) {
                targets.add(target);
            }
        }
        return targets;
    }

    private RunResults finish(Instant started, List<SourceFreshness> checked, List<NodeResult> results,
                              ArtifactWriter artifacts, Path file) {
        double elapsed = Duration.between(started, Instant.now()).toNanos() / 1e9;
        RunResults runResults = new RunResults(COMMAND, Instant.now(), elapsed, results, List.of("source", COMMAND));
        artifacts.manifest();
        new SourcesJson().write(checked, elapsed, ArtifactMetadata.forRunResults(session.invocationId, Instant.now())
                .withSchema(SourcesJson.SCHEMA), file);
        session.events().accept(new Event.RunFinished(Instant.now(), runResults));
        return runResults;
    }
}
