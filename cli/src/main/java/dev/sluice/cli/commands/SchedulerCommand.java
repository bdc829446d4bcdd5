package dev.sluice.cli.commands;

import dev.sluice.deploy.Deploy;
import dev.sluice.deploy.Worker;
import dev.sluice.deploy.model.Run;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sluice scheduler}: the trigger loop in the foreground. Every interval it queues due cron runs and runs for
 * new commits, ends runs of dead processes, and works the queue; completion triggers fire as runs end.
 */
@Command(name = "scheduler", description = "Runs the scheduler in the foreground: cron schedules, new commits,"
        + " completion triggers, and the queued runs. Ctrl-C stops it.")
final class SchedulerCommand extends DeployCommandBase {
    @Option(names = "--once", description = "One pass (queue what is due, run the queue), then exit.")
    boolean once;

    @Option(names = "--interval", defaultValue = "15", paramLabel = "SECONDS",
            description = "Seconds between passes (default 15).")
    int interval;

    @Override
    protected int run(Deploy deploy) throws InterruptedException {
        try (Worker worker = deploy.worker("scheduler")) {
            out().println("Scheduler started (worker " + worker.id().substring(0, 8) + ")"
                    + (once ? "; one pass." : "; a pass every " + interval + "s. Ctrl-C stops it."));
            while (true) {
                for (Run run : deploy.scheduler().tick()) {
                    out().println("Queued run " + run.id() + " of job '" + deploy.jobs().get(run.jobId()).name()
                            + "' (" + run.cause().key() + (run.causeDetail() == null ? "" : ": " + run.causeDetail())
                            + ")");
                }
                List<Run> ran = worker.runAvailable();
                for (Run run : ran) {
                    out().println("Run " + run.id() + " of job '" + deploy.jobs().get(run.jobId()).name() + "' ended "
                            + run.status().key() + (run.statusMessage() == null ? "" : ": " + run.statusMessage()));
                }
                if (once) {
                    if (ran.isEmpty()) {
                        out().println("Nothing was due.");
                    }
                    return 0;
                }
                Thread.sleep(interval * 1000L);
            }
        }
    }
}
