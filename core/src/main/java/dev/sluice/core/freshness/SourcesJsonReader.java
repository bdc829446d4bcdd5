package dev.sluice.core.freshness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads the parts of a sources.json (dbt's or Sluice's) that state comparison needs. */
public final class SourcesJsonReader {
    private final ObjectMapper mapper = new ObjectMapper();

    /** The file's results, or empty when there is no such file. A file that is not sources.json is an error. */
    public Optional<FreshnessSnapshot> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode root = mapper.readTree(file.toFile());
            JsonNode results = root == null ? null : root.get("results");
            if (results == null || !results.isArray()) {
                throw invalid(file, "it has no results array");
            }
            Map<String, FreshnessSnapshot.Entry> entries = new LinkedHashMap<>();
            for (JsonNode result : results) {
                String id = text(result, "unique_id");
                if (id == null) {
                    throw invalid(file, "a result has no unique_id");
                }
                String loaded = text(result, "max_loaded_at");
                entries.put(id, new FreshnessSnapshot.Entry(FreshnessStatus.fromDbtName(text(result, "status")),
                        loaded == null ? null : instant(file, loaded)));
            }
            return Optional.of(new FreshnessSnapshot(entries));
        } catch (IOException e) {
            throw invalid(file, e.getMessage());
        }
    }

    private static Instant instant(Path file, String text) {
        try {
            return Timestamps.toInstant(text);
        } catch (IllegalArgumentException e) {
            throw invalid(file, e.getMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static SluiceException invalid(Path file, String why) {
        return new SluiceException(ErrorCode.IO, "Could not read freshness results from " + file + ": " + why);
    }
}
