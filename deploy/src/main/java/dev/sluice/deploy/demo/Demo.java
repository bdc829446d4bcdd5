package dev.sluice.deploy.demo;

import dev.sluice.core.api.InvocationOptions;
import dev.sluice.core.api.ShowResult;
import dev.sluice.core.api.Sluice;
import dev.sluice.core.events.EventSink;
import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.execute.RunResults;
import dev.sluice.core.project.EnvVars;
import dev.sluice.deploy.Deploy;
import dev.sluice.deploy.DeployConfig;
import dev.sluice.deploy.DeployException;
import dev.sluice.deploy.Development;
import dev.sluice.deploy.Reports;
import dev.sluice.deploy.Runs;
import dev.sluice.deploy.Worker;
import dev.sluice.deploy.git.GitRepo;
import dev.sluice.deploy.model.DeploymentType;
import dev.sluice.deploy.model.Environment;
import dev.sluice.deploy.model.EnvironmentDraft;
import dev.sluice.deploy.model.Job;
import dev.sluice.deploy.model.JobDraft;
import dev.sluice.deploy.model.Run;
import dev.sluice.deploy.model.RunStatus;
import dev.sluice.deploy.run.ProfileWriter;
import dev.sluice.spi.AdapterFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The quickstart: in an empty folder, the deployment chapter from start to end. A git repository holding the
 * formula1 project; a feature branch built into its own development schema; commit and merge to main; the Deployment
 * environment's credentials schema set to production; the job renamed "Production Job" (seed, run, test, docs); Run
 * now; then the run history, the production relations and the next commands to try.
 */
public final class Demo {
    public static final String BRANCH = "feature/season-champions";
    static final String CHAMPIONS = """
            -- The champion of each season: first in the drivers' championship.
            select season, driver_name as champion, points, wins
            from {{ ref('driver_standings') }}
            where championship_position = 1
            """;
    static final String GITIGNORE = "target/\nlogs/\ndbt_packages/\n*.duckdb\n*.duckdb.wal\n.sluice/\n";

    /** What the demo left: the run and the production schema's relations with their row counts. */
    public record Result(Path dir, long runId, RunStatus status, Map<String, Long> production) {
    }

    private final Path dir;
    private final PrintStream out;
    private final Map<String, String> env;
    private final Supplier<List<AdapterFactory>> adapters;
    private final ZoneId zone;

    public Demo(Path dir, PrintStream out, Map<String, String> env, Supplier<List<AdapterFactory>> adapters,
                ZoneId zone) {
        this.dir = dir.toAbsolutePath().normalize();
        this.out = out;
        this.env = env;
        this.adapters = adapters;
        this.zone = zone;
    }

    public Result run() throws IOException {
        long started = System.nanoTime();
        if (Files.exists(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new DeployException("The demo needs an empty folder, and " + dir + " is not empty. Run"
                            + " `sluice demo <new folder>`.");
                }
            }
        }
        Files.createDirectories(dir);
        out.println("Sluice demo in " + dir);
        out.println();

        // A repository holding the example project, on main.
        ExampleProject.copyTo(dir);
        Files.writeString(dir.resolve(".gitignore"), GITIGNORE);
        String first;
        try (GitRepo repo = GitRepo.init(dir, env)) {
            first = repo.commitAll("The formula1 project").orElseThrow();
        }
        step(1, "Created a git repository holding the formula1 project, on main (commit " + shortSha(first) + ")");

        DeployConfig config = DeployConfig.builder(dir).baseEnv(env).adapters(adapters).build();
        try (Deploy deploy = Deploy.open(config); GitRepo repo = GitRepo.open(dir, env)) {
            Reports reports = new Reports(deploy, zone);
            deploy.environments().create(EnvironmentDraft.development("Development").profileTarget("dev")
                    .schema("dev"));
            Environment deployment = deploy.environments().create(EnvironmentDraft.deployment("Deployment",
                    DeploymentType.PRODUCTION).profileTarget("dev").schema("dev").branch("main"));
            Job trial = deploy.jobs().create(new JobDraft("Trial Job", deployment.id())
                    .commands("sluice seed", "sluice run", "sluice test").generateDocs(true));
            step(2, "Environments 'Development' (development, schemas dev_<branch>) and 'Deployment' (production,"
                    + " branch main, credentials schema 'dev'); job 'Trial Job': seed, run, test + docs");

            repo.createBranch(BRANCH);
            Files.writeString(dir.resolve("models/marts/season_champions.sql"), CHAMPIONS);
            step(3, "Created branch " + BRANCH + " and added models/marts/season_champions.sql");

            Development.Target target = deploy.development().target(dir);
            RunResults built = new Sluice(EventSink.NONE, new EnvVars(merged(env, target.env())), adapters)
                    .build(InvocationOptions.builder(dir).profilesDir(target.profile().profilesDir())
                            .profile(target.profile().profile()).target(target.profile().target()).build());
            if (built.failed()) {
                throw new DeployException("the development build failed; see " + dir.resolve("target"));
            }
            step(4, "Development build (sluice build) on " + target.branch() + " into schema " + target.schema()
                    + ": " + built.results().size() + " nodes, " + (built.count(NodeStatus.SUCCESS)
                    + built.count(NodeStatus.PASS)) + " ok");

            String commit = repo.commitAll("Add the season champions model").orElseThrow();
            String merged = repo.merge(BRANCH, "main");
            step(5, "Committed 'Add the season champions model' (" + shortSha(commit) + ") and merged " + BRANCH
                    + " into main (" + shortSha(merged) + ")");

            deploy.environments().edit("Deployment", d -> d.schema = "production");
            step(6, "Deploy > Environments > Deployment: deployment credentials schema 'dev' -> 'production'");

            Job production = deploy.jobs().edit(String.valueOf(trial.id()), d -> d.name = "Production Job");
            step(7, "Deploy > Jobs: 'Trial Job' renamed to '" + production.name() + "'");

            Run queued = deploy.runs().enqueue(production.id(), Runs.Request.manual("Run now from the demo"));
            Run run;
            try (Worker worker = deploy.worker("demo")) {
                run = worker.runUntilFinished(queued.id());
            }
            step(8, "Run now: run " + run.id() + " of '" + production.name() + "' at " + run.shortSha() + " ended "
                    + run.status().key() + " in " + Reports.duration(run.duration(config.clock().instant())));
            out.println();

            out.println("Run history");
            reports.runs(deploy.runs().list(null, 20)).forEach(l -> out.println("  " + l));
            out.println();
            out.println("Steps of run " + run.id());
            reports.steps(run.id()).forEach(l -> out.println("  " + l));
            out.println();

            Map<String, Long> relations = production(deploy.environments().get("Deployment"), deploy);
            out.println("Relations in schema 'production' of " + dir.resolve("formula1.duckdb"));
            List<List<String>> rows = new ArrayList<>();
            relations.forEach((name, count) -> rows.add(List.of(name, count + " rows")));
            Reports.table(List.of("RELATION", "ROWS"), rows).forEach(l -> out.println("  " + l));
            out.println();
            out.println("Next, from " + dir + ":");
            out.println("  sluice runs show " + run.id() + "                  # the run, its steps and artifacts");
            out.println("  sluice runs logs " + run.id() + " --step 2         # the log of `sluice run`");
            out.println("  sluice env show Deployment          # connection, credentials, variables");
            out.println("  sluice job show \"Production Job\"    # commands, settings, triggers");
            out.println("  sluice job run \"Production Job\"     # run it again");
            out.println("  sluice branch feature/next && sluice dev build   # your own branch, your own schema");
            out.println("  sluice job edit \"Production Job\" --cron \"0 6 * * *\" --time-zone UTC && sluice scheduler");
            out.println();
            out.println(String.format(java.util.Locale.ROOT, "Demo finished in %.1fs.",
                    (System.nanoTime() - started) / 1e9));
            return new Result(dir, run.id(), run.status(), relations);
        }
    }

    /** The production schema's relations and row counts, asked through the engine with the environment's profile. */
    private Map<String, Long> production(Environment deployment, Deploy deploy) {
        ProfileWriter.Written profile = ProfileWriter.write(deployment, dir, dir,
                deploy.config().dataDir().resolve("demo-profile"), deployment.schema(), null);
        Sluice api = new Sluice(EventSink.NONE, new EnvVars(merged(env, profile.secretVariables())), adapters);
        InvocationOptions options = InvocationOptions.builder(dir).profilesDir(profile.profilesDir())
                .profile(profile.profile()).target(profile.target())
                .targetPath(deploy.config().dataDir().resolve("demo-target")).build();
        ShowResult names = api.show(options, "select table_name from information_schema.tables where table_schema"
                + " = 'production' order by table_name", -1);
        Map<String, Long> counts = new LinkedHashMap<>();
        List<String> union = new ArrayList<>();
        for (List<Object> row : names.preview().rows()) {
            String name = String.valueOf(row.get(0));
            union.add("select '" + name + "' as relation, count(*) as n from production.\"" + name + "\"");
        }
        if (!union.isEmpty()) {
            ShowResult sizes = api.show(options, String.join("\nunion all\n", union) + "\norder by relation", -1);
            for (List<Object> row : sizes.preview().rows()) {
                counts.put(String.valueOf(row.get(0)), ((Number) row.get(1)).longValue());
            }
        }
        return counts;
    }

    private void step(int n, String text) {
        out.println(String.format("%2d. %s", n, text));
    }

    private static String shortSha(String sha) {
        return sha.substring(0, 7);
    }

    private static Map<String, String> merged(Map<String, String> a, Map<String, String> b) {
        Map<String, String> m = new LinkedHashMap<>(a);
        m.putAll(b);
        return m;
    }
}
