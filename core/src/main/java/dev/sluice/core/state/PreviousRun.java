package dev.sluice.core.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A previous invocation's {@code run_results.json} (v6, Sluice's or dbt's): each result's unique id and status in
 * execution order, and the invocation's {@code args} ({@code which} is the command).
 */
public final class PreviousRun {
    /** The statuses {@code retry} runs again: dbt's error, fail, skipped, runtime error and partial success. */
    public static final Set<String> RETRYABLE = Set.of("error", "fail", "skipped", "runtime error", "partial success");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, String> statuses;
    private final Map<String, Object> args;

    /** One result line. */
    public record Result(String uniqueId, String status) {
    }

    PreviousRun(Map<String, String> statuses, Map<String, Object> args) {
        this.statuses = Collections.unmodifiableMap(statuses);
        this.args = Collections.unmodifiableMap(args);
    }

    public static PreviousRun read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SluiceException(ErrorCode.IO, "Could not find previous run results at " + file);
        }
        try {
            return of(MAPPER.readTree(file.toFile()));
        } catch (IOException e) {
            throw new SluiceException(ErrorCode.IO, "Could not read run results " + file + ": " + e.getMessage());
        }
    }

    public static PreviousRun parse(String json) {
        try {
            return of(MAPPER.readTree(json));
        } catch (IOException e) {
            throw new SluiceException(ErrorCode.IO, "Could not read run results: " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    public static PreviousRun of(JsonNode root) {
        Map<String, String> statuses = new LinkedHashMap<>();
        for (JsonNode result : root.path("results")) {
            String id = StateManifest.text(result, "unique_id");
            String status = StateManifest.text(result, "status");
            if (id != null && status != null) {
                statuses.put(id, status);
            }
        }
        Map<String, Object> args = root.path("args").isObject()
                ? MAPPER.convertValue(root.get("args"), LinkedHashMap.class) : new LinkedHashMap<>();
        return new PreviousRun(statuses, args);
    }

    public List<Result> results() {
        List<Result> out = new ArrayList<>();
        statuses.forEach((id, status) -> out.add(new Result(id, status)));
        return out;
    }

    /** Unique ids whose status is {@code status} (compared as run_results spells it). */
    public Set<String> withStatus(String status) {
        Set<String> out = new LinkedHashSet<>();
        statuses.forEach((id, s) -> {
            if (s.equalsIgnoreCase(status)) {
                out.add(id);
            }
        });
        return out;
    }

    /** Unique ids {@code retry} would run again, in the previous run's order. */
    public Set<String> retryable() {
        Set<String> out = new LinkedHashSet<>();
        statuses.forEach((id, s) -> {
            if (RETRYABLE.contains(s)) {
                out.add(id);
            }
        });
        return out;
    }

    /** {@code args.which}: the command that produced the results, or null. */
    public String command() {
        Object which = args.get("which");
        return which == null ? null : String.valueOf(which);
    }

    public Map<String, Object> args() {
        return args;
    }
}
