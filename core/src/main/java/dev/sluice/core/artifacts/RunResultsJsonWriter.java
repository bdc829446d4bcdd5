package dev.sluice.core.artifacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.execute.NodeResult;
import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.execute.RunResults;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code target/run_results.json} in dbt's v6 shape.
 *
 * <p>{@code args} is dbt's map of the invocation's flags. By default it holds {@code which} (the command) and
 * {@code invocation_command}; the engine may pass its parsed flags ({@code select}, {@code exclude},
 * {@code threads}, {@code full_refresh}, ...) which are added on top.
 */
public final class RunResultsJsonWriter {
    private final ArtifactFiles files = new ArtifactFiles();

    public void write(RunResults results, ArtifactMetadata meta, Path file) {
        write(results, meta, Map.of(), file);
    }

    /** Writes compact UTF-8, atomically replacing {@code file}; {@code args} are added to the default args. */
    public void write(RunResults results, ArtifactMetadata meta, Map<String, ?> args, Path file) {
        files.write(toJson(results, meta, args), file);
    }

    public ObjectNode toJson(RunResults results, ArtifactMetadata meta) {
        return toJson(results, meta, Map.of());
    }

    public ObjectNode toJson(RunResults results, ArtifactMetadata meta, Map<String, ?> args) {
        ObjectNode root = Json.object();
        root.set("metadata", MetadataJson.common(meta));
        ArrayNode items = Json.array();
        for (NodeResult result : results.results()) {
            items.add(result(result));
        }
        root.set("results", items);
        root.set("elapsed_time", Json.seconds(results.elapsedTime()));
        root.set("args", args(results, args));
        return root;
    }

    private static ObjectNode result(NodeResult r) {
        ObjectNode out = Json.object();
        out.put("status", r.status().dbtName());
        out.set("timing", timing(r));
        out.put("thread_id", r.threadId() == null ? "main" : r.threadId());
        out.set("execution_time", Json.seconds(r.executionTime()));
        out.set("adapter_response", Json.objectValue(r.adapterResponse()));
        out.put("message", r.message());
        if (r.failures() == null) {
            out.putNull("failures");
        } else {
            out.put("failures", r.failures().longValue());
        }
        out.put("unique_id", r.uniqueId());
        out.set("compiled", compiled(r));
        out.put("compiled_code", r.compiledCode());
        out.put("relation_name", r.relationName());
        out.putNull("batch_results");
        return out;
    }

    /**
     * dbt times compile and execute separately; a NodeResult has one span, so compile is recorded as the instant it
     * started and execute as the whole span. Skipped nodes never ran and, as in dbt, have no timing.
     */
    private static ArrayNode timing(NodeResult r) {
        ArrayNode out = Json.array();
        if (r.status() == NodeStatus.SKIPPED || r.startedAt() == null) {
            return out;
        }
        Instant completed = r.completedAt() != null ? r.completedAt() : r.startedAt();
        out.add(span("compile", r.startedAt(), r.startedAt()));
        out.add(span("execute", r.startedAt(), completed));
        return out;
    }

    private static ObjectNode span(String name, Instant started, Instant completed) {
        ObjectNode out = Json.object();
        out.put("name", name);
        out.put("started_at", Json.iso(started));
        out.put("completed_at", Json.iso(completed));
        return out;
    }

    /** True once compiled; seeds are never compiled (null, as dbt writes for them). */
    private static JsonNode compiled(NodeResult r) {
        if (r.compiledCode() != null) {
            return Json.value(true);
        }
        return Json.value(r.uniqueId() != null && r.uniqueId().startsWith("seed.") ? null : false);
    }

    private static ObjectNode args(RunResults results, Map<String, ?> extra) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("which", results.command());
        List<String> argv = results.args() == null ? List.of() : results.args();
        out.put("invocation_command", String.join(" ", prefixed(results.command(), argv)));
        if (extra != null) {
            out.putAll(extra);
        }
        return (ObjectNode) Json.value(out);
    }

    /** "dbt run --select x" style: the tool, then the command unless argv already starts with it. */
    private static List<String> prefixed(String command, List<String> argv) {
        List<String> words = new ArrayList<>();
        words.add("sluice");
        if (command != null && (argv.isEmpty() || !argv.get(0).equals(command))) {
            words.add(command);
        }
        words.addAll(argv);
        return words;
    }
}
