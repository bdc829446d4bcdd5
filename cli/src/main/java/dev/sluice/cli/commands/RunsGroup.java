package dev.sluice.cli.commands;

import dev.sluice.deploy.Deploy;
import dev.sluice.deploy.model.LogLine;
import dev.sluice.deploy.model.Run;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sluice runs list|show|logs|cancel|retry}: run history. */
@Command(name = "runs", description = "Run history: list, show, logs, cancel, retry.", sortOptions = false,
        subcommands = {RunsGroup.ListRuns.class, RunsGroup.Show.class, RunsGroup.Logs.class, RunsGroup.Cancel.class,
                RunsGroup.Retry.class})
final class RunsGroup extends CommandGroup {
    @Override
    protected String subcommands() {
        return "'runs list', 'runs show ID', 'runs logs ID', 'runs cancel ID', 'runs retry ID'";
    }

    /** Runs the run to its end in this process, then prints it; exit 0 on success, 1 otherwise. */
    static int waitAndReport(DeployCommandBase command, Deploy deploy, long runId) {
        Run run = JobGroup.runToEnd(deploy, runId);
        command.print(command.reports(deploy).run(run));
        return JobGroup.exitCode(run);
    }

    @Command(name = "list", description = "The newest runs first.")
    static final class ListRuns extends DeployCommandBase {
        @Option(names = "--job", description = "Only this job's runs.")
        String job;

        @Option(names = "--limit", defaultValue = "20", description = "How many (default 20).")
        int limit;

        @Override
        protected int run(Deploy deploy) {
            List<Run> runs = deploy.runs().list(job == null ? null : deploy.jobs().get(job).id(), limit);
            if (runs.isEmpty()) {
                out().println("No runs yet: `sluice job run JOB`.");
                return 0;
            }
            print(reports(deploy).runs(runs));
            return 0;
        }
    }

    @Command(name = "show", description = "A run: cause, commit, timing, steps and artifacts.")
    static final class Show extends DeployCommandBase {
        @Parameters(paramLabel = "RUN_ID")
        long id;

        @Override
        protected int run(Deploy deploy) {
            print(reports(deploy).run(deploy.runs().get(id)));
            return 0;
        }
    }

    @Command(name = "logs", description = "A run's log: every step, or one with --step (0: checkout and profile).")
    static final class Logs extends DeployCommandBase {
        @Parameters(paramLabel = "RUN_ID")
        long id;

        @Option(names = "--step", description = "Only this step.")
        Integer step;

        @Override
        protected int run(Deploy deploy) {
            deploy.runs().get(id);
            int last = -1;
            for (LogLine line : deploy.runs().logs(id, step)) {
                if (step == null && line.step() != last) {
                    out().println(line.step() == 0 ? "== run" : "== step " + line.step());
                    last = line.step();
                }
                out().println(reports(deploy).time(line.at()) + "  " + line.text());
            }
            return 0;
        }
    }

    @Command(name = "cancel", description = "Cancels a queued or running run (its running SQL is stopped).")
    static final class Cancel extends DeployCommandBase {
        @Parameters(paramLabel = "RUN_ID")
        long id;

        @Override
        protected int run(Deploy deploy) {
            Run run = deploy.runs().cancel(id);
            out().println(run.status().finished() ? "Run " + id + " cancelled."
                    : "Asked run " + id + " to stop; its worker cancels the running step.");
            return 0;
        }
    }

    @Command(name = "retry", description = "Re-runs a failed run from its failed step, at the same commit.")
    static final class Retry extends DeployCommandBase {
        @Parameters(paramLabel = "RUN_ID")
        long id;

        @Option(names = "--no-wait", description = "Only queue it.")
        boolean noWait;

        @Override
        protected int run(Deploy deploy) {
            Run retry = deploy.runs().retry(id);
            out().println("Queued run " + retry.id() + ": retry of run " + id + " from step " + retry.firstStep()
                    + ".");
            return noWait ? 0 : waitAndReport(this, deploy, retry.id());
        }
    }
}
