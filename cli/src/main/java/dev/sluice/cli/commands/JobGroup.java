package dev.sluice.cli.commands;

import dev.sluice.deploy.Deploy;
import dev.sluice.deploy.Runs;
import dev.sluice.deploy.Worker;
import dev.sluice.deploy.model.Job;
import dev.sluice.deploy.model.JobDraft;
import dev.sluice.deploy.model.Run;
import dev.sluice.deploy.model.RunStatus;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sluice job list|create|edit|show|run}: deployment jobs. */
@Command(name = "job", description = "Deployment jobs: list, create, edit, show, run.", sortOptions = false,
        subcommands = {JobGroup.ListJobs.class, JobGroup.Create.class, JobGroup.Edit.class, JobGroup.Show.class,
                JobGroup.RunJob.class})
final class JobGroup extends CommandGroup {
    @Override
    protected String subcommands() {
        return "'job list', 'job show NAME', 'job create NAME', 'job edit NAME', 'job run NAME'";
    }

    @Command(name = "list", description = "Lists the jobs.")
    static final class ListJobs extends DeployCommandBase {
        @Override
        protected int run(Deploy deploy) {
            List<Job> jobs = deploy.jobs().list();
            if (jobs.isEmpty()) {
                out().println("No jobs yet: `sluice job create \"Production Job\" --environment Deployment"
                        + " --command \"sluice build\"`.");
                return 0;
            }
            print(reports(deploy).jobs(jobs));
            return 0;
        }
    }

    @Command(name = "show", description = "Shows a job: environment, commands, execution settings, triggers.")
    static final class Show extends DeployCommandBase {
        @Parameters(paramLabel = "JOB", description = "Job name or id.")
        String name;

        @Override
        protected int run(Deploy deploy) {
            Job job = deploy.jobs().get(name);
            print(reports(deploy).job(job));
            List<Run> runs = deploy.runs().list(job.id(), 5);
            if (!runs.isEmpty()) {
                out().println();
                out().println("Latest runs");
                reports(deploy).runs(runs).forEach(l -> out().println("  " + l));
            }
            return 0;
        }
    }

    /** Settings create and edit share; null leaves a setting as it is. */
    static class Settings {
        @Option(names = "--environment", paramLabel = "ENV", description = "The environment the job runs in.")
        String environment;

        @Option(names = "--command", paramLabel = "\"sluice ...\"", description = "A command, in order (repeatable);"
                + " on edit, the list replaces the job's commands.")
        List<String> commands = new ArrayList<>();

        @Option(names = "--generate-docs", negatable = true, description = "Add a docs step after the commands.")
        Boolean generateDocs;

        @Option(names = "--run-freshness", negatable = true, description = "Run source freshness first.")
        Boolean runFreshness;

        @Option(names = "--defer-to-job", paramLabel = "JOB",
                description = "Defer to that job's last successful run ('none' to stop deferring).")
        String deferToJob;

        @Option(names = "--defer-to-environment", paramLabel = "ENV",
                description = "Defer to the last successful run in that environment ('none' to stop).")
        String deferToEnvironment;

        @Option(names = "--timeout", paramLabel = "SECONDS", description = "End a run as an error after this long"
                + " (0: never).")
        Integer timeout;

        @Option(names = "--cron", paramLabel = "EXPR", description = "Cron schedule: minute hour day month weekday"
                + " ('none' to remove).")
        String cron;

        @Option(names = "--time-zone", paramLabel = "ZONE", description = "Zone of the cron schedule (default UTC).")
        String timeZone;

        @Option(names = "--on-commit", negatable = true,
                description = "Run on each new commit to the environment's branch.")
        Boolean onCommit;

        @Option(names = "--on-completion-of", paramLabel = "JOB",
                description = "Run when that job's run finishes ('none' to remove).")
        String completionOf;

        @Option(names = "--completion-status", paramLabel = "STATUS",
                description = "Which endings trigger it (repeatable): success (default), error, cancelled.")
        List<String> completionStatuses = new ArrayList<>();

        /** {@code threads}: the shared --threads flag, here the threads of every step. */
        void apply(JobDraft d, Deploy deploy, Integer threads) {
            if (environment != null) {
                d.environmentId = deploy.environments().get(environment).id();
            }
            if (!commands.isEmpty()) {
                d.commands = new ArrayList<>(commands);
            }
            if (generateDocs != null) {
                d.generateDocs = generateDocs;
            }
            if (runFreshness != null) {
                d.runFreshness = runFreshness;
            }
            if (deferToJob != null) {
                d.deferToJobId = none(deferToJob) ? null : deploy.jobs().get(deferToJob).id();
                d.deferToEnvironmentId = null;
            }
            if (deferToEnvironment != null) {
                d.deferToEnvironmentId = none(deferToEnvironment) ? null
                        : deploy.environments().get(deferToEnvironment).id();
                d.deferToJobId = null;
            }
            if (threads != null) {
                d.threads = threads;
            }
            if (timeout != null) {
                d.timeoutSeconds = timeout;
            }
            if (cron != null) {
                d.cron = none(cron) ? null : cron;
            }
            if (timeZone != null) {
                d.timeZone = timeZone;
            }
            if (onCommit != null) {
                d.onCommit = onCommit;
            }
            if (completionOf != null) {
                d.completionOfJobId = none(completionOf) ? null : deploy.jobs().get(completionOf).id();
            }
            if (!completionStatuses.isEmpty()) {
                d.completionStatuses = new LinkedHashSet<>();
                completionStatuses.forEach(s -> d.completionStatuses.add(RunStatus.parse(s)));
            }
        }

        private static boolean none(String value) {
            return value.isBlank() || value.equalsIgnoreCase("none");
        }
    }

    @Command(name = "create", description = "Creates a job; every command is checked before it is saved.",
            sortOptions = false)
    static final class Create extends DeployCommandBase {
        @Parameters(paramLabel = "NAME")
        String name;

        @picocli.CommandLine.Mixin
        Settings settings;

        @Override
        protected int run(Deploy deploy) {
            if (settings.environment == null) {
                throw new dev.sluice.deploy.DeployException("A job needs --environment.");
            }
            JobDraft d = new JobDraft(name, 0);
            settings.apply(d, deploy, root().shared().threads);
            Job job = deploy.jobs().create(d);
            out().println("Created job " + job.id() + ": " + job.name());
            return 0;
        }
    }

    @Command(name = "edit", description = "Changes a job's settings; what is not given stays.", sortOptions = false)
    static final class Edit extends DeployCommandBase {
        @Parameters(paramLabel = "JOB", description = "Job name or id.")
        String name;

        @Option(names = "--name", paramLabel = "NEW_NAME", description = "Rename it.")
        String newName;

        @picocli.CommandLine.Mixin
        Settings settings;

        @Override
        protected int run(Deploy deploy) {
            Job job = deploy.jobs().edit(name, d -> {
                settings.apply(d, deploy, root().shared().threads);
                if (newName != null) {
                    d.name = newName;
                }
            });
            out().println("Saved job " + job.id() + ": " + job.name());
            print(reports(deploy).job(job));
            return 0;
        }
    }

    @Command(name = "run", description = "Run now: queues a run and (unless --no-wait) works the queue until it"
            + " has finished. Exits 1 when the run did not succeed.")
    static final class RunJob extends DeployCommandBase {
        @Parameters(paramLabel = "JOB", description = "Job name or id.")
        String name;

        @Option(names = "--no-wait", description = "Only queue it (a scheduler or server runs it).")
        boolean noWait;

        @Override
        protected int run(Deploy deploy) {
            Job job = deploy.jobs().get(name);
            Run queued = deploy.runs().enqueue(job.id(), Runs.Request.manual("Run now from the command line"));
            out().println("Queued run " + queued.id() + " of job '" + job.name() + "'.");
            if (noWait) {
                return 0;
            }
            return RunsGroup.waitAndReport(this, deploy, queued.id());
        }
    }

    static int exitCode(Run run) {
        return run.status() == RunStatus.SUCCESS ? 0 : 1;
    }

    static Run runToEnd(Deploy deploy, long runId) {
        try (Worker worker = deploy.worker("cli")) {
            return worker.runUntilFinished(runId);
        }
    }
}
