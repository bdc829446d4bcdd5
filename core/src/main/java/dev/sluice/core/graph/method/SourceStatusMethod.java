package dev.sluice.core.graph.method;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.freshness.FreshnessSnapshot;
import dev.sluice.core.freshness.FreshnessStatus;
import dev.sluice.core.freshness.SourcesJsonReader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code source_status:} compares the sources.json under {@code --state} (previous) with the one in the target
 * folder (current, from the {@code source freshness} just run).
 *
 * <ul>
 *   <li>{@code fresher} (dbt's): sources whose current {@code max_loaded_at} is newer than the previous one, or that
 *       the previous run did not check; a runtime error in either run excludes the source.</li>
 *   <li>{@code stale}: checked without error in both runs and no newer data than before (the complement of fresher).</li>
 *   <li>{@code pass}, {@code warn}, {@code error}: the current status ({@code error} includes runtime errors).</li>
 * </ul>
 * dbt itself matches only {@code fresher}; the other values are Sluice's.
 */
public final class SourceStatusMethod implements SelectionMethod {
    private final Path previousFile;
    private final Path currentFile;
    private final SourcesJsonReader reader = new SourcesJsonReader();

    public SourceStatusMethod(Path previousFile, Path currentFile) {
        this.previousFile = previousFile;
        this.currentFile = currentFile;
    }

    @Override
    public Set<String> search(MethodScope scope, List<String> arguments, String value) {
        String wanted = value.trim();
        if (!List.of("fresher", "stale", "pass", "warn", "error").contains(wanted)) {
            throw new SluiceException(ErrorCode.SELECTOR_INVALID, "Invalid source_status value '" + value
                    + "': expected fresher, stale, pass, warn or error");
        }
        Map<String, FreshnessSnapshot.Entry> previous = load(previousFile, "previous").entries();
        Map<String, FreshnessSnapshot.Entry> current = load(currentFile, "current").entries();
        Set<String> matches = new HashSet<>();
        current.forEach((id, now) -> {
            if (matches(wanted, now, previous.get(id))) {
                matches.add(id);
            }
        });
        return scope.idsWhere(c -> c.source() != null && matches.contains(c.uniqueId()));
    }

    static boolean matches(String wanted, FreshnessSnapshot.Entry now, FreshnessSnapshot.Entry before) {
        return switch (wanted) {
            case "fresher" -> !now.isRuntimeError() && (before == null
                    || !before.isRuntimeError() && now.maxLoadedAt().isAfter(before.maxLoadedAt()));
            case "stale" -> !now.isRuntimeError() && before != null && !before.isRuntimeError()
                    && !now.maxLoadedAt().isAfter(before.maxLoadedAt());
            case "error" -> now.status() == FreshnessStatus.ERROR || now.status() == FreshnessStatus.RUNTIME_ERROR;
            default -> now.status() != null && now.status().dbtName().equals(wanted);
        };
    }

    private FreshnessSnapshot load(Path file, String which) {
        return reader.read(file).orElseThrow(() -> new SluiceException(ErrorCode.SELECTOR_INVALID,
                "source_status needs the " + which + " freshness results, and there is no " + file
                        + ("previous".equals(which) ? " (pass --state with a folder holding a sources.json)"
                        : " (run `sluice source freshness` first)")));
    }
}
