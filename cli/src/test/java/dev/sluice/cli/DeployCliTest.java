package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sluice demo} in a fresh folder, through the real CLI and engine, then the deploy commands a user tries next
 * in the folder it made: runs, env, job (a refused command), branch, dev build, commit, merge and the scheduler.
 */
class DeployCliTest {
    @TempDir
    Path cwd;

    record Result(int code, String out, String err) {
    }

    private Result sluice(Path dir, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = new HashMap<>();
        env.put("USER", "tester");
        Cli cli = new Cli(new CliContext(ApiFactory.standard(), env, dir,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Terminal.NONE, ZoneOffset.UTC));
        int code = cli.execute(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theDemoWalksTheChapterAndTheDeployCommandsWorkInItsFolder() throws Exception {
        Result demo = sluice(cwd, "demo", "f1");
        assertThat(demo.code()).as(demo.out() + demo.err()).isZero();
        Path dir = cwd.resolve("f1");
        assertThat(dir.resolve(".git")).isDirectory();
        assertThat(demo.out())
                .contains("Created branch feature/season-champions")
                .contains("into schema dev_feature_season_champions")
                .contains("merged feature/season-champions into main")
                .contains("deployment credentials schema 'dev' -> 'production'")
                .contains("'Trial Job' renamed to 'Production Job'")
                .contains("Run history")
                .containsPattern("1\\s+Production Job\\s+success\\s+manual\\s+[0-9a-f]{7}")
                .containsPattern("1\\s+sluice seed\\s+success")
                .containsPattern("2\\s+sluice run\\s+success")
                .containsPattern("3\\s+sluice test\\s+success")
                .containsPattern("4\\s+sluice docs generate\\s+(success|skipped)")
                .contains("Relations in schema 'production'")
                .containsPattern("season_champions\\s+2 rows")
                .containsPattern("driver_standings\\s+42 rows")
                .containsPattern("results\\s+800 rows")
                .contains("Next, from")
                .contains("sluice runs logs 1 --step 2");

        Result runs = sluice(dir, "runs", "list");
        assertThat(runs.out()).containsPattern("1\\s+Production Job\\s+success");
        assertThat(sluice(dir, "runs", "show", "1").out()).contains("cause:     manual")
                .contains("artifacts: step 1 manifest.json");
        assertThat(sluice(dir, "runs", "logs", "1", "--step", "2").out()).contains("START")
                .contains("production.season_champions");
        assertThat(sluice(dir, "env", "show", "Deployment").out()).contains("schema:    production")
                .contains("deployment (production)");
        assertThat(sluice(dir, "env", "list").out()).contains("Development").contains("Deployment");
        assertThat(sluice(dir, "job", "list").out()).contains("Production Job")
                .contains("sluice seed; sluice run; sluice test (+docs)");

        Result evil = sluice(dir, "job", "create", "Evil", "--environment", "Deployment",
                "--command", "sluice seed", "--command", "sluice run; rm -rf /");
        assertThat(evil.code()).isEqualTo(2);
        assertThat(evil.err()).contains("Job 'Evil', command 2: Command refused");
        assertThat(sluice(dir, "job", "list").out()).doesNotContain("Evil");

        Result watcher = sluice(dir, "job", "create", "Watcher", "--environment", "Deployment",
                "--command", "sluice build --select season_champions", "--on-commit");
        assertThat(watcher.code()).as(watcher.err()).isZero();
        assertThat(sluice(dir, "scheduler", "--once").out()).contains("Nothing was due.");

        Result branch = sluice(dir, "branch", "feature/podiums");
        assertThat(branch.out()).contains("schema dev_feature_podiums");
        Files.writeString(dir.resolve("models/marts/podium_count.sql"),
                "select count(*) as podiums from {{ ref('race_results_enriched') }} where is_podium\n");
        Result dev = sluice(dir, "dev", "build", "--select", "+podium_count", "--indirect-selection", "cautious");
        assertThat(dev.code()).as(dev.out() + dev.err()).isZero();
        assertThat(dev.out()).contains("into schema dev_feature_podiums").contains("dev_feature_podiums.podium_count");
        assertThat(sluice(dir, "commit", "Count podiums").out()).contains("on feature/podiums: Count podiums");
        assertThat(sluice(dir, "merge").out()).contains("Merged feature/podiums into main");

        Result tick = sluice(dir, "scheduler", "--once");
        assertThat(tick.code()).as(tick.err()).isZero();
        assertThat(tick.out()).contains("of job 'Watcher' (commit: New commit")
                .containsPattern("Run \\d+ of job 'Watcher' ended success");
    }
}
