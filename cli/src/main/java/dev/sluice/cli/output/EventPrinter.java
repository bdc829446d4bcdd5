package dev.sluice.cli.output;

import dev.sluice.cli.output.Styled.Color;
import dev.sluice.core.events.Event;
import dev.sluice.core.events.EventSink;
import dev.sluice.core.execute.NodeResult;
import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.execute.RunResults;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Turns the engine's events into console and log lines. Thread-safe: events arrive from worker threads. */
public final class EventPrinter implements EventSink {
    private final Reporter reporter;
    private final NodeLines lines;
    /** Node lines carry their structured data only where it is printed: JSON log lines. */
    private final boolean json;
    private Map<String, Integer> nodeCounts;
    private int finished;
    private boolean summaryPrinted;

    public EventPrinter(Reporter reporter) {
        this.reporter = reporter;
        this.lines = new NodeLines(reporter.settings().printerWidth());
        this.json = reporter.settings().json();
    }

    @Override
    public synchronized void accept(Event event) {
        if (event instanceof Event.Message m) {
            message(m);
        } else if (event instanceof Event.RunStarted s) {
            runStarted(s);
        } else if (event instanceof Event.NodeStarted s) {
            reporter.emit(record(s.at(), Event.Level.INFO, "LogStartLine",
                    lines.started(s.index(), s.total(), s.description()),
                    json ? nodeData(s.uniqueId(), s.index(), s.total(), s.description(), "started", null) : Map.of()));
        } else if (event instanceof Event.NodeFinished f) {
            nodeFinished(f);
        } else if (event instanceof Event.HookFinished h) {
            reporter.emit(record(h.at(), h.success() ? Event.Level.INFO : Event.Level.ERROR, "LogHookEndLine",
                    lines.hook(h.name(), h.success(), h.seconds()),
                    Map.of("statement", h.name(), "status", h.success() ? "success" : "error",
                            "execution_time", h.seconds())));
        } else if (event instanceof Event.RunFinished f && f.results() != null) {
            summary(f.results());
        }
    }

    /** Prints the end-of-run summary unless the engine's RunFinished event already did. */
    public synchronized void summary(RunResults results) {
        if (summaryPrinted) {
            return;
        }
        summaryPrinted = true;
        reporter.progress(0, 0);
        if (results.results().isEmpty()) {
            reporter.emit(LogRecord.of(Event.Level.WARN, "NothingToDo", Styled.of(
                    "Nothing to do. Try checking your model configs and model specification args", Color.YELLOW),
                    Map.of()));
            return;
        }
        RunSummary.lines(results, nodeCounts).forEach(reporter::emit);
    }

    private void message(Event.Message m) {
        Styled text;
        if (m.level() == Event.Level.WARN && !m.text().startsWith("[WARNING]")) {
            text = Styled.of("[WARNING]", Color.YELLOW).plain(": " + m.text());
        } else if (m.level() == Event.Level.ERROR) {
            text = Styled.of(m.text(), Color.RED);
        } else {
            text = Styled.of(m.text());
        }
        reporter.emit(record(m.at(), m.level(), "Note", text, Map.of("msg", m.text())));
    }

    private void runStarted(Event.RunStarted s) {
        nodeCounts = s.nodeCounts();
        finished = 0;
        reporter.blank("ConcurrencyLine");
        reporter.emit(record(s.at(), Event.Level.INFO, "ConcurrencyLine",
                Styled.of("Concurrency: " + s.threads() + " threads (target='" + s.targetName() + "')"),
                Map.of("num_threads", s.threads(), "target_name", String.valueOf(s.targetName()),
                        "node_count", s.total())));
        reporter.blank("ConcurrencyLine");
        reporter.progress(0, s.total());
    }

    private void nodeFinished(Event.NodeFinished f) {
        NodeResult r = f.result();
        Event.Level level = r.status().isFailure() ? Event.Level.ERROR
                : r.status() == NodeStatus.WARN ? Event.Level.WARN : Event.Level.INFO;
        Map<String, Object> data = json ? nodeData(r.uniqueId(), f.index(), f.total(), f.description(),
                r.status().dbtName(), r) : Map.of();
        String thread = r.threadId() == null ? Thread.currentThread().getName() : r.threadId();
        reporter.emit(new LogRecord(f.at(), level, resultEventName(r), lines.finished(f.index(), f.total(), r,
                f.description(), f.summary()), data, thread, false, false));
        finished++;
        reporter.progress(finished, f.total());
    }

    private static String resultEventName(NodeResult r) {
        if (r.status() == NodeStatus.SKIPPED) {
            return "SkippingDetails";
        }
        return switch (NodeLines.resourceType(r.uniqueId())) {
            case "model" -> "LogModelResult";
            case "seed" -> "LogSeedResult";
            case "snapshot" -> "LogSnapshotResult";
            case "test", "unit_test" -> "LogTestResult";
            default -> "LogNodeResult";
        };
    }

    private static Map<String, Object> nodeData(String uniqueId, int index, int total, String description,
                                                String status, NodeResult r) {
        Map<String, Object> nodeInfo = new LinkedHashMap<>();
        nodeInfo.put("unique_id", uniqueId);
        nodeInfo.put("resource_type", NodeLines.resourceType(uniqueId));
        nodeInfo.put("node_name", NodeLines.nodeName(uniqueId));
        nodeInfo.put("node_status", status);
        if (r != null) {
            nodeInfo.put("node_started_at", String.valueOf(r.startedAt()));
            nodeInfo.put("node_finished_at", String.valueOf(r.completedAt()));
            nodeInfo.put("node_relation", r.relationName());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("node_info", nodeInfo);
        data.put("index", index);
        data.put("total", total);
        data.put("description", description);
        if (r != null) {
            data.put("status", r.status().dbtName().toUpperCase(Locale.ROOT));
            data.put("execution_time", r.executionTime());
            data.put("failures", r.failures());
            data.put("message", r.message());
        }
        return data;
    }

    private static LogRecord record(java.time.Instant at, Event.Level level, String name, Styled text,
                                    Map<String, Object> data) {
        return new LogRecord(at, level, name, text, data, Thread.currentThread().getName(), false, false);
    }
}
