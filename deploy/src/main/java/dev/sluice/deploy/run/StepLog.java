package dev.sluice.deploy.run;

import dev.sluice.core.events.Event;
import dev.sluice.core.events.EventSink;
import dev.sluice.core.execute.NodeResult;
import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.execute.RunResults;
import dev.sluice.deploy.RunQueue;
import dev.sluice.deploy.model.Environment;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * A step's log: the engine's events as dbt-style lines, stored as they come (so a UI can follow a running step), with
 * every secret value replaced by {@value Environment#MASK}.
 */
final class StepLog implements EventSink {
    private final RunQueue queue;
    private final Clock clock;
    private final long runId;
    private final int step;
    private final List<String> secrets;
    private int seq;

    StepLog(RunQueue queue, Clock clock, long runId, int step, Collection<String> secrets) {
        this.queue = queue;
        this.clock = clock;
        this.runId = runId;
        this.step = step;
        this.secrets = secrets.stream().filter(s -> s != null && !s.isEmpty()).toList();
    }

    void info(String text) {
        line("info", text);
    }

    void error(String text) {
        line("error", text);
    }

    synchronized void line(String level, String text) {
        String clean = text;
        for (String secret : secrets) {
            clean = clean.replace(secret, Environment.MASK);
        }
        for (String part : clean.split("\n", -1)) {
            queue.log(runId, step, ++seq, clock.instant(), level, part);
        }
    }

    @Override
    public void accept(Event event) {
        if (event instanceof Event.Message m) {
            if (m.level() != Event.Level.DEBUG) {
                line(m.level().name().toLowerCase(Locale.ROOT), m.text());
            }
        } else if (event instanceof Event.RunStarted s) {
            line("info", "Concurrency: " + s.threads() + " threads (target='" + s.targetName() + "')");
            line("info", "");
        } else if (event instanceof Event.NodeStarted n) {
            line("info", n.index() + " of " + n.total() + " START " + n.description() + " [RUN]");
        } else if (event instanceof Event.NodeFinished n) {
            finished(n);
        } else if (event instanceof Event.HookFinished h) {
            line(h.success() ? "info" : "error", "Hook " + h.name() + " " + (h.success() ? "OK" : "ERROR")
                    + String.format(Locale.ROOT, " in %.2fs", h.seconds()));
        } else if (event instanceof Event.RunFinished f) {
            summary(f.results());
        }
    }

    private void finished(Event.NodeFinished n) {
        NodeResult r = n.result();
        String word = switch (r.status()) {
            case SUCCESS -> "OK";
            case PASS -> "PASS";
            case FAIL -> "FAIL";
            case WARN -> "WARN";
            case SKIPPED -> "SKIP";
            case ERROR, RUNTIME_ERROR -> "ERROR";
        };
        String level = r.status().isFailure() ? "error" : r.status() == NodeStatus.WARN ? "warn" : "info";
        line(level, n.index() + " of " + n.total() + " " + word + " " + n.description() + " [" + n.summary()
                + String.format(Locale.ROOT, " in %.2fs]", r.executionTime()));
        if (r.status().isFailure() && r.message() != null) {
            line("error", "  " + r.message());
        }
    }

    private void summary(RunResults results) {
        if (results == null) {
            return;
        }
        line("info", "");
        line("info", String.format(Locale.ROOT, "Finished running %d nodes in %.2f seconds.",
                results.results().size(), results.elapsedTime()));
        line(results.failed() ? "error" : "info", "Done. PASS=" + (results.count(NodeStatus.PASS)
                + results.count(NodeStatus.SUCCESS)) + " WARN=" + results.count(NodeStatus.WARN) + " ERROR="
                + (results.count(NodeStatus.ERROR) + results.count(NodeStatus.FAIL)
                + results.count(NodeStatus.RUNTIME_ERROR)) + " SKIP=" + results.count(NodeStatus.SKIPPED)
                + " TOTAL=" + results.results().size());
    }
}
