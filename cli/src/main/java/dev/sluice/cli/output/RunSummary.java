package dev.sluice.cli.output;

import dev.sluice.cli.output.Styled.Color;
import dev.sluice.core.events.Event.Level;
import dev.sluice.core.execute.NodeResult;
import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.execute.RunResults;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The end of a run, as dbt prints it: "Finished running ...", "Completed successfully" or "Completed with N errors and
 * M warnings:" with each failure, and "Done. PASS=.. WARN=.. ERROR=.. SKIP=.. NO-OP=.. TOTAL=..".
 */
public final class RunSummary {
    private RunSummary() {
    }

    /** The records to print after the last node, blank separator lines included. */
    public static List<LogRecord> lines(RunResults results, Map<String, Integer> nodeCounts) {
        List<LogRecord> out = new ArrayList<>();
        long errors = results.results().stream().filter(r -> r.status().isFailure()).count();
        long warnings = results.count(NodeStatus.WARN);

        out.add(blank("FinishedRunningStats"));
        out.add(LogRecord.of(Level.INFO, "FinishedRunningStats", Styled.of(finished(results, nodeCounts)),
                Map.of("stat_line", countsPhrase(nodeCounts, results), "execution_time", results.elapsedTime())));
        out.add(blank("EndOfRunSummary"));
        Map<String, Object> endData = Map.of("num_errors", errors, "num_warnings", warnings,
                "keyboard_interrupt", false);
        if (errors == 0 && warnings == 0) {
            out.add(LogRecord.of(Level.INFO, "EndOfRunSummary", Styled.of("Completed successfully", Color.GREEN),
                    endData));
        } else if (errors == 0) {
            out.add(LogRecord.of(Level.WARN, "EndOfRunSummary",
                    Styled.of("Completed with " + Plural.of(warnings, "warning") + ":", Color.YELLOW), endData));
        } else {
            out.add(LogRecord.of(Level.ERROR, "EndOfRunSummary", Styled.of("Completed with "
                    + Plural.of(errors, "error") + " and " + Plural.of(warnings, "warning") + ":", Color.RED), endData));
        }
        for (NodeResult r : results.results()) {
            if (r.status().isFailure()) {
                out.add(blank("RunResultError"));
                out.addAll(problem(r));
            }
        }
        for (NodeResult r : results.results()) {
            if (r.status() == NodeStatus.WARN) {
                out.add(blank("RunResultWarning"));
                out.addAll(problem(r));
            }
        }
        out.add(blank("StatsLine"));
        out.add(LogRecord.of(Level.INFO, "StatsLine", Styled.of(statsLine(results)), Map.of("stats", stats(results))));
        return out;
    }

    /** "Finished running 3 seeds, 5 models in 0 hours 0 minutes and 1.23 seconds (1.23s)." */
    public static String finished(RunResults results, Map<String, Integer> nodeCounts) {
        return "Finished running " + countsPhrase(nodeCounts, results) + " in " + duration(results.elapsedTime()) + ".";
    }

    public static String duration(double seconds) {
        long whole = (long) seconds;
        long hours = whole / 3600;
        long minutes = (whole % 3600) / 60;
        double rest = seconds - hours * 3600 - minutes * 60;
        return String.format(Locale.ROOT, "%d hours %d minutes and %.2f seconds (%.2fs)", hours, minutes, rest,
                seconds);
    }

    /** "3 seeds, 5 models, 20 data tests": the engine's counts, or counts derived from the results' kinds. */
    public static String countsPhrase(Map<String, Integer> nodeCounts, RunResults results) {
        Map<String, Integer> counts = nodeCounts;
        if (counts == null || counts.isEmpty()) {
            counts = new LinkedHashMap<>();
            for (NodeResult r : results.results()) {
                counts.merge(kind(NodeLines.resourceType(r.uniqueId())), 1, Integer::sum);
            }
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((kind, n) -> {
            if (n != null && n > 0) {
                parts.add(Plural.of(n, kind));
            }
        });
        return String.join(", ", parts);
    }

    /** "Done. PASS=3 WARN=0 ERROR=1 SKIP=1 NO-OP=0 TOTAL=5" */
    public static String statsLine(RunResults results) {
        Map<String, Long> s = stats(results);
        return "Done. PASS=" + s.get("pass") + " WARN=" + s.get("warn") + " ERROR=" + s.get("error") + " SKIP="
                + s.get("skip") + " NO-OP=" + s.get("noop") + " TOTAL=" + s.get("total");
    }

    private static Map<String, Long> stats(RunResults results) {
        Map<String, Long> s = new LinkedHashMap<>();
        s.put("pass", results.count(NodeStatus.SUCCESS) + results.count(NodeStatus.PASS));
        s.put("warn", results.count(NodeStatus.WARN));
        s.put("error", results.results().stream().filter(r -> r.status().isFailure()).count());
        s.put("skip", results.count(NodeStatus.SKIPPED));
        s.put("noop", 0L);
        s.put("total", (long) results.results().size());
        return s;
    }

    private static List<LogRecord> problem(NodeResult r) {
        String type = NodeLines.resourceType(r.uniqueId());
        String name = NodeLines.nodeName(r.uniqueId());
        String message = r.message() == null ? "" : r.message().strip();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("unique_id", r.uniqueId());
        data.put("status", r.status().dbtName());
        data.put("msg", message);
        if (r.status() == NodeStatus.FAIL || r.status() == NodeStatus.WARN) {
            boolean fail = r.status() == NodeStatus.FAIL;
            long n = r.failures() == null ? 0 : r.failures();
            if (message.isEmpty() || message.equalsIgnoreCase(r.status().dbtName())) {
                message = "Got " + Plural.of(n, "result") + ", configured to " + (fail ? "fail" : "warn") + " if != 0";
            }
            Color c = fail ? Color.RED : Color.YELLOW;
            String head = (fail ? "Failure" : "Warning") + " in " + type + " " + name;
            Level level = fail ? Level.ERROR : Level.WARN;
            return List.of(LogRecord.of(level, fail ? "RunResultFailure" : "RunResultWarning",
                            Styled.of(head, c), data),
                    LogRecord.of(level, fail ? "RunResultFailure" : "RunResultWarning", Styled.of("  " + message),
                            data));
        }
        String first = message.lines().findFirst().orElse("");
        String body = first.contains(" in ") && first.contains("Error")
                ? message
                : "Runtime Error in " + type + " " + name + "\n  " + message.replace("\n", "\n  ");
        return List.of(LogRecord.of(Level.ERROR, "RunResultError", Styled.of("  " + body, Color.RED), data));
    }

    private static String kind(String resourceType) {
        return switch (resourceType) {
            case "test" -> "data test";
            case "unit_test" -> "unit test";
            default -> resourceType;
        };
    }

    private static LogRecord blank(String name) {
        return LogRecord.info(name, "");
    }
}
