package dev.sluice.core.freshness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.artifacts.ArtifactMetadata;
import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code sources.json} in dbt's v3 shape: metadata, one result per checked source (a runtime error is the short
 * {@code unique_id / error / status} form) and the elapsed time. Written atomically: a temp file beside the target,
 * then a move.
 */
public final class SourcesJson {
    public static final String SCHEMA = "https://schemas.getdbt.com/dbt/sources/v3.json";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter ISO_MICROS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private final ObjectMapper mapper = new ObjectMapper();

    public ObjectNode toJson(List<SourceFreshness> results, double elapsedSeconds, ArtifactMetadata meta) {
        ObjectNode root = NODES.objectNode();
        root.set("metadata", metadata(meta));
        ArrayNode items = root.putArray("results");
        results.forEach(r -> items.add(r.isRuntimeError() ? runtimeError(r) : result(r)));
        root.put("elapsed_time", elapsedSeconds);
        return root;
    }

    public void write(List<SourceFreshness> results, double elapsedSeconds, ArtifactMetadata meta, Path file) {
        Path target = file.toAbsolutePath();
        try {
            dev.sluice.core.io.AtomicFile.replace(target,
                    temp -> mapper.writeValue(temp.toFile(), toJson(results, elapsedSeconds, meta)));
        } catch (IOException e) {
            throw new SluiceException(ErrorCode.IO, "Could not write " + target + ": " + e.getMessage());
        }
    }

    private static ObjectNode metadata(ArtifactMetadata meta) {
        ObjectNode out = NODES.objectNode();
        out.put("dbt_schema_version", SCHEMA);
        out.put("dbt_version", meta.dbtVersion());
        out.put("generated_at", ISO_MICROS.format(meta.generatedAt()));
        out.put("invocation_id", meta.invocationId());
        ObjectNode env = out.putObject("env");
        meta.env().forEach(env::put);
        return out;
    }

    private static ObjectNode result(SourceFreshness r) {
        ObjectNode out = NODES.objectNode();
        out.put("unique_id", r.uniqueId());
        out.put("max_loaded_at", Timestamps.iso(r.maxLoadedAt()));
        out.put("snapshotted_at", Timestamps.iso(r.snapshottedAt()));
        out.put("max_loaded_at_time_ago_in_s", r.ageSeconds());
        out.put("status", r.status().dbtName());
        out.set("criteria", criteria(r.criteria()));
        ObjectNode response = out.putObject("adapter_response");
        r.adapterResponse().forEach((k, v) -> response.putPOJO(k, v));
        ArrayNode timing = out.putArray("timing");
        timing.add(step("compile", r.startedAt(), r.startedAt()));
        timing.add(step("execute", r.startedAt(), r.completedAt()));
        out.put("thread_id", r.threadId());
        out.put("execution_time", r.executionTime());
        return out;
    }

    private static ObjectNode runtimeError(SourceFreshness r) {
        ObjectNode out = NODES.objectNode();
        out.put("unique_id", r.uniqueId());
        out.put("error", r.error());
        out.put("status", r.status().dbtName());
        return out;
    }

    /** dbt writes both thresholds always, with nulls for an unset one. */
    static ObjectNode criteria(FreshnessCriteria criteria) {
        ObjectNode out = NODES.objectNode();
        out.set("warn_after", threshold(criteria.warnAfter()));
        out.set("error_after", threshold(criteria.errorAfter()));
        out.put("filter", criteria.filter());
        return out;
    }

    private static ObjectNode threshold(Threshold threshold) {
        ObjectNode out = NODES.objectNode();
        out.put("count", threshold.count());
        out.put("period", threshold.period() == null ? null : threshold.period().dbtName());
        return out;
    }

    private static ObjectNode step(String name, Instant started, Instant completed) {
        ObjectNode out = NODES.objectNode();
        out.put("name", name);
        out.put("started_at", ISO_MICROS.format(started));
        out.put("completed_at", ISO_MICROS.format(completed));
        return out;
    }
}
