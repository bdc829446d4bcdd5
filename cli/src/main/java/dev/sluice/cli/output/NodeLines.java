package dev.sluice.cli.output;

import dev.sluice.cli.output.Styled.Color;
import dev.sluice.core.execute.NodeResult;
import dev.sluice.core.execute.NodeStatus;

/**
 * The numbered, dot-padded node lines of a run, in dbt's layout:
 * {@code 1 of 5 START sql table model main.customers ........................ [RUN]} and
 * {@code 1 of 5 OK created sql table model main.customers ................... [OK in 0.05s]}.
 * The text before the bracket is padded with dots to the printer width (80).
 */
public final class NodeLines {
    private final int width;

    public NodeLines(int width) {
        this.width = width;
    }

    public Styled started(int index, int total, String description) {
        return line(index, total, Styled.of("START ").plain(description), Styled.of("RUN"), null);
    }

    public Styled finished(int index, int total, NodeResult r, String description, String summary) {
        String type = resourceType(r.uniqueId());
        String desc = description == null || description.isBlank() ? type + " " + nodeName(r.uniqueId()) : description;
        Color color = color(r.status());
        String status = summary == null || summary.isBlank() ? defaultSummary(r) : summary;
        if (r.status() == NodeStatus.SKIPPED) {
            String what = isTest(type) ? "test " + testName(r.uniqueId(), desc) : "relation " + relationOf(r, desc);
            return line(index, total, Styled.of("SKIP", color).plain(" " + what), Styled.of("SKIP", color), null);
        }
        Styled msg = isTest(type) ? testMessage(r, desc)
                : type.equals("source") ? Styled.of(status.split(" ")[0], color).plain(" " + desc)
                : buildMessage(type, r.status(), desc);
        return line(index, total, msg, Styled.of(status, color), r.executionTime());
    }

    /** {@code OK hook: shop.on-run-start.0 .... [OK in 0.01s]} */
    public Styled hook(String name, boolean success, double seconds) {
        String word = success ? "OK" : "ERROR";
        Color color = success ? Color.GREEN : Color.RED;
        return line(0, 0, Styled.of(word, color).plain(" hook: " + name), Styled.of(word, color), seconds);
    }

    /** The shared layout: progress, message, a space, dots up to the width, then {@code [status in 0.05s]}. */
    public Styled line(int index, int total, Styled message, Styled status, Double seconds) {
        Styled out = new Styled();
        if (total > 0) {
            out.plain(index + " of " + total + " ");
        }
        out.append(message).plain(" ");
        int dots = width - out.length();
        if (dots > 0) {
            out.plain(".".repeat(dots));
        }
        out.plain(" [").append(status);
        if (seconds != null) {
            out.plain(" in " + Decimals.two(seconds) + "s");
        }
        return out.plain("]");
    }

    private static Styled buildMessage(String type, NodeStatus status, String desc) {
        boolean ok = !status.isFailure();
        String verb = switch (type) {
            case "seed" -> ok ? "loaded" : "loading";
            case "snapshot" -> ok ? "snapshotted" : "snapshotting";
            case "model" -> ok ? "created" : "creating";
            default -> "";
        };
        String word = ok ? (status == NodeStatus.WARN ? "WARN" : "OK") : "ERROR";
        String head = verb.isEmpty() ? word : word + " " + verb;
        return Styled.of(head, color(status)).plain(" " + desc);
    }

    private static Styled testMessage(NodeResult r, String desc) {
        String name = testName(r.uniqueId(), desc);
        String head = switch (r.status()) {
            case PASS, SUCCESS -> "PASS";
            case FAIL -> "FAIL " + failures(r);
            case WARN -> "WARN " + failures(r);
            default -> "ERROR";
        };
        return Styled.of(head, color(r.status())).plain(" " + name);
    }

    static String defaultSummary(NodeResult r) {
        return switch (r.status()) {
            case SUCCESS -> "OK";
            case PASS -> "PASS";
            case FAIL -> "FAIL " + failures(r);
            case WARN -> isTest(resourceType(r.uniqueId())) ? "WARN " + failures(r) : "WARN";
            case SKIPPED -> "SKIP";
            case ERROR, RUNTIME_ERROR -> "ERROR";
        };
    }

    static Color color(NodeStatus status) {
        return switch (status) {
            case SUCCESS, PASS -> Color.GREEN;
            case ERROR, FAIL, RUNTIME_ERROR -> Color.RED;
            case WARN, SKIPPED -> Color.YELLOW;
        };
    }

    private static long failures(NodeResult r) {
        return r.failures() == null ? 0 : r.failures();
    }

    /** "model" from "model.shop.customers". */
    public static String resourceType(String uniqueId) {
        int dot = uniqueId.indexOf('.');
        return dot < 0 ? uniqueId : uniqueId.substring(0, dot);
    }

    /** "customers" from "model.shop.customers", "not_null_x" from "test.shop.not_null_x.1a2b3c". */
    public static String nodeName(String uniqueId) {
        String[] parts = uniqueId.split("\\.");
        if (uniqueId.startsWith("unit_test.")) {
            return parts[parts.length - 1]; // unit_test.<package>.<model>.<name>
        }
        return parts.length >= 3 ? parts[2] : parts[parts.length - 1];
    }

    public static boolean isTest(String resourceType) {
        return resourceType.equals("test") || resourceType.equals("unit_test");
    }

    private static String testName(String uniqueId, String desc) {
        if (desc.startsWith("test ")) {
            return desc.substring(5);
        }
        if (desc.startsWith("unit_test ")) {
            return desc.substring(10);
        }
        return nodeName(uniqueId);
    }

    private static String relationOf(NodeResult r, String desc) {
        int space = desc.lastIndexOf(' ');
        if (space >= 0) {
            return desc.substring(space + 1);
        }
        return r.relationName() != null ? r.relationName().replace("\"", "") : desc;
    }
}
