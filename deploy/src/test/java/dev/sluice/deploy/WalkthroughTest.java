package dev.sluice.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.api.InvocationOptions;
import dev.sluice.core.api.Sluice;
import dev.sluice.core.events.EventSink;
import dev.sluice.core.execute.RunResults;
import dev.sluice.core.project.EnvVars;
import dev.sluice.deploy.git.GitRepo;
import dev.sluice.deploy.model.DeploymentType;
import dev.sluice.deploy.model.Environment;
import dev.sluice.deploy.model.EnvironmentDraft;
import dev.sluice.deploy.model.Job;
import dev.sluice.deploy.model.JobDraft;
import dev.sluice.deploy.model.LogLine;
import dev.sluice.deploy.model.Run;
import dev.sluice.deploy.model.RunCause;
import dev.sluice.deploy.model.RunStatus;
import dev.sluice.deploy.model.RunStep;
import dev.sluice.deploy.model.StepStatus;
import dev.sluice.spi.AdapterFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment chapter (shared/seed/deployment-chapter.md), step by step, on a real git repository, the embedded
 * store and DuckDB through the engine: dev work on a feature branch lands in the dev schema only; after commit and
 * merge, the Deployment environment's schema becomes production, the job becomes "Production Job", Run now pins
 * main's commit and runs seed, run and test (plus docs), and every model is in the production schema.
 */
class WalkthroughTest {
    static final String CHAMPIONS = """
            -- The champion of each season: first in the drivers' championship.
            select season, driver_name as champion, points, wins
            from {{ ref('driver_standings') }}
            where championship_position = 1
            """;

    @TempDir
    Path home;

    @Test
    void theDeploymentChapterStepByStep() throws Exception {
        Fixtures.formula1Repo(home);
        Path warehouse = home.resolve("formula1.duckdb");
        try (Deploy deploy = Deploy.open(DeployConfig.builder(home).build());
             GitRepo repo = GitRepo.open(home, Map.of())) {
            // What Partner Connect leaves: a development and a deployment environment on one connection, the
            // deployment credentials still on the development schema, and a trial job.
            deploy.environments().create(EnvironmentDraft.development("Development").profileTarget("dev")
                    .schema("dev"));
            Environment deployment = deploy.environments().create(EnvironmentDraft.deployment("Deployment",
                    DeploymentType.PRODUCTION).profileTarget("dev").schema("dev").branch("main"));
            Job trial = deploy.jobs().create(new JobDraft("Partner Connect Trial Job", deployment.id())
                    .commands("sluice seed", "sluice run", "sluice test").generateDocs(true));

            // Development: a feature branch builds into its own schema.
            repo.createBranch("feature/season-champions");
            Fixtures.write(home, "models/marts/season_champions.sql", CHAMPIONS);
            Development.Target dev = deploy.development().target(home);
            assertThat(dev.branch()).isEqualTo("feature/season-champions");
            assertThat(dev.schema()).isEqualTo("dev_feature_season_champions");
            RunResults built = new Sluice(EventSink.NONE, new EnvVars(dev.env()), WalkthroughTest::adapters)
                    .build(InvocationOptions.builder(home).profilesDir(dev.profile().profilesDir())
                            .profile(dev.profile().profile()).target(dev.profile().target()).build());
            assertThat(built.failed()).isFalse();
            Map<String, Long> devRelations = Fixtures.rowCounts(warehouse, dev.schema());
            assertThat(devRelations).containsEntry("season_champions", 2L).containsEntry("results", 800L);
            assertThat(Fixtures.rowCounts(warehouse, "production")).isEmpty();
            assertThat(Fixtures.rowCounts(warehouse, "dev")).isEmpty();

            // 1. Commit the work on the feature branch; 2-3. merge to main, which is then the current branch.
            String featureCommit = repo.commitAll("Add season champions").orElseThrow();
            String mainCommit = repo.merge("feature/season-champions", "main");
            assertThat(repo.currentBranch()).isEqualTo("main");
            assertThat(mainCommit).isEqualTo(featureCommit); // a fast-forward: main had not moved
            assertThat(repo.head("main")).isEqualTo(mainCommit);

            // 5-10. Deploy > Environments > Deployment > Settings: the deployment credentials' schema -> production.
            Environment edited = deploy.environments().edit("Deployment", d -> d.schema = "production");
            assertThat(edited.schema()).isEqualTo("production");

            // 11. The job keeps its environment, settings, commands and triggers; only its name changes.
            Job production = deploy.jobs().edit(String.valueOf(trial.id()), d -> d.name = "Production Job");
            assertThat(production.name()).isEqualTo("Production Job");
            assertThat(production.commands()).containsExactly("sluice seed", "sluice run", "sluice test");
            assertThat(production.execution().generateDocs()).isTrue();

            // 12. Run now.
            Run queued = deploy.runs().enqueue(production.id(), Runs.Request.manual("Run now"));
            assertThat(queued.status()).isEqualTo(RunStatus.QUEUED);
            Run run;
            try (Worker worker = deploy.worker("walkthrough")) {
                run = worker.runUntilFinished(queued.id());
            }
            assertThat(run.status()).as(run.statusMessage()).isEqualTo(RunStatus.SUCCESS);
            assertThat(run.cause()).isEqualTo(RunCause.MANUAL);
            assertThat(run.gitBranch()).isEqualTo("main");
            assertThat(run.gitSha()).isEqualTo(mainCommit);
            assertThat(run.startedAt()).isNotNull();
            assertThat(run.finishedAt()).isAfterOrEqualTo(run.startedAt());

            List<RunStep> steps = deploy.runs().steps(run.id());
            assertThat(steps).extracting(RunStep::command)
                    .containsExactly("sluice seed", "sluice run", "sluice test", "sluice docs generate");
            assertThat(steps.subList(0, 3)).allSatisfy(s -> {
                assertThat(s.status()).isEqualTo(StepStatus.SUCCESS);
                assertThat(s.startedAt()).isNotNull();
                assertThat(s.finishedAt()).isAfterOrEqualTo(s.startedAt());
            });
            for (int i = 1; i < 3; i++) {
                assertThat(steps.get(i).startedAt()).isAfterOrEqualTo(steps.get(i - 1).finishedAt());
            }
            RunStep docs = steps.get(3);
            assertThat(docs.status()).as(docs.statusMessage()).isEqualTo(StepStatus.SUCCESS);

            // Each step has its own log and artifacts.
            assertThat(text(deploy.runs().logs(run.id(), 0))).contains("checking out main at " + mainCommit)
                    .contains("schema 'production'");
            assertThat(text(deploy.runs().logs(run.id(), 1))).contains("seed file production.results")
                    .contains("Done. PASS=7 WARN=0 ERROR=0 SKIP=0 TOTAL=7");
            assertThat(text(deploy.runs().logs(run.id(), 2))).contains("production.season_champions")
                    .contains("ERROR=0");
            assertThat(text(deploy.runs().logs(run.id(), 3))).contains("ERROR=0").contains("PASS=");
            assertThat(deploy.runs().artifacts(run.id())).extracting(a -> a.step() + ":" + a.path())
                    .contains("1:manifest.json", "1:run_results.json", "2:run_results.json", "3:run_results.json",
                            "4:catalog.json", "4:index.html");
            assertThat(deploy.runs().artifact(run.id(), 4, "catalog.json").orElseThrow()).contains("season_champions");
            assertThat(deploy.runs().artifact(run.id(), 3, "run_results.json").orElseThrow())
                    .contains("\"status\":\"pass\"").doesNotContain("\"status\":\"fail\"");

            // 13. Every model is in the production schema, with the rows the developer saw in theirs.
            Map<String, Long> productionRelations = Fixtures.rowCounts(warehouse, "production");
            assertThat(productionRelations).isEqualTo(devRelations);
            // 7 seeds, 17 models with relations (one of the 18 is ephemeral), and the model the feature branch added
            assertThat(productionRelations).hasSize(25)
                    .containsEntry("season_champions", 2L)
                    .containsEntry("race_lap_summary", 40L)
                    .containsEntry("ml_podium_predictions", 400L)
                    .containsEntry("driver_standings", 42L)
                    .containsKeys("stg_results", "int_pit_stops_per_result", "race_results_enriched",
                            "constructor_points", "fastest_pit_stops")
                    .doesNotContainKey("int_results_joined");
            assertThat(Fixtures.rowCounts(warehouse, "dev")).isEmpty();

            // The run history shows it.
            assertThat(deploy.runs().list(production.id(), 10)).extracting(Run::id).containsExactly(run.id());
        }
    }

    static String text(List<LogLine> lines) {
        return String.join("\n", lines.stream().map(LogLine::text).toList());
    }

    static List<AdapterFactory> adapters() {
        return ServiceLoader.load(AdapterFactory.class).stream().map(ServiceLoader.Provider::get).toList();
    }
}
