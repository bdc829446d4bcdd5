package dev.sluice.core.freshness;

import dev.sluice.core.compile.Relations;
import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.errors.SourceLocation;
import dev.sluice.spi.Adapter;
import dev.sluice.spi.AdapterException;
import dev.sluice.spi.QueryResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Measures one source: runs {@link FreshnessSql} through the adapter and grades the age against the criteria. */
public final class FreshnessCheck {
    private final Adapter adapter;

    public FreshnessCheck(Adapter adapter) {
        this.adapter = adapter;
    }

    /** Never throws for a failing query or odd values: those become a {@link FreshnessStatus#RUNTIME_ERROR}. */
    public SourceFreshness check(FreshnessTarget target) {
        Instant started = Instant.now();
        String thread = Thread.currentThread().getName();
        String relation = adapter.dialect().render(Relations.of(target.source()));
        if (target.loadedAtField() == null) {
            return error(target, relation, null, started, thread, "Could not compute freshness for " + describe(target)
                    + ": no 'loaded_at_field' provided and the " + adapter.type()
                    + " adapter does not support metadata-based freshness checks");
        }
        String sql = FreshnessSql.query(relation, target.loadedAtField(), target.criteria().filter());
        try {
            QueryResult result = adapter.query(sql);
            if (result.rows().isEmpty() || result.rows().get(0).size() < 2) {
                throw new IllegalStateException("the freshness query returned no row");
            }
            List<Object> row = result.rows().get(0);
            Instant maxLoadedAt = Timestamps.toInstant(row.get(0));
            Instant snapshottedAt = Timestamps.toInstant(row.get(1));
            if (maxLoadedAt == null) {
                return error(target, relation, sql, started, thread, "Expected a non-null value for loaded_at_field '"
                        + target.loadedAtField() + "' of " + relation + " but the table has no rows"
                        + (target.criteria().filter() == null ? "" : " matching the filter")
                        + " or only null values");
            }
            double age = Timestamps.secondsBetween(maxLoadedAt, snapshottedAt);
            return new SourceFreshness(target.source().uniqueId, relation, target.description(),
                    target.criteria().status(age), target.criteria(), maxLoadedAt, snapshottedAt, age, null, started,
                    Instant.now(), thread, Map.of("_message", "OK"), sql);
        } catch (AdapterException e) {
            return error(target, relation, sql, started, thread, new SluiceException(ErrorCode.SQL_FAILED,
                    e.getMessage(), SourceLocation.of(target.source().originalFilePath), describe(target), e)
                    .describe());
        } catch (SluiceException e) {
            return error(target, relation, sql, started, thread,
                    e.at(describe(target), SourceLocation.of(target.source().originalFilePath)).describe());
        } catch (RuntimeException e) {
            return error(target, relation, sql, started, thread, e.getMessage());
        }
    }

    private static String describe(FreshnessTarget target) {
        return "source " + target.source().sourceName + "." + target.source().name;
    }

    private static SourceFreshness error(FreshnessTarget target, String relation, String sql, Instant started,
                                         String thread, String message) {
        return new SourceFreshness(target.source().uniqueId, relation, target.description(),
                FreshnessStatus.RUNTIME_ERROR, target.criteria(), null, null, null, message, started, Instant.now(),
                thread, Map.of(), sql);
    }
}
