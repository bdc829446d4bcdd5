package dev.sluice.core.freshness;

import dev.sluice.core.errors.SourceLocation;
import dev.sluice.core.manifest.SourceDefinition;

/**
 * A source table that freshness checks: one with at least one threshold set. The parser has already applied
 * inheritance (table over source over project, {@code freshness: null} disabling). {@code loadedAtField} is null when
 * none is given; as in dbt on a warehouse without metadata-based freshness, checking it is then a runtime error.
 */
public record FreshnessTarget(SourceDefinition source, String loadedAtField, FreshnessCriteria criteria) {

    /** The target for {@code source}, or null when dbt would not check it. */
    public static FreshnessTarget of(SourceDefinition source) {
        FreshnessCriteria criteria;
        try {
            criteria = FreshnessCriteria.of(source.freshness);
        } catch (dev.sluice.core.errors.SluiceException e) {
            throw e.at("source " + source.sourceName + "." + source.name,
                    SourceLocation.of(source.originalFilePath));
        }
        if (!criteria.isActive()) {
            return null;
        }
        String field = source.loadedAtField == null || source.loadedAtField.isBlank() ? null
                : source.loadedAtField.strip();
        return new FreshnessTarget(source, field, criteria);
    }

    /** "freshness of jaffle_shop.orders", as dbt's console lines name the check. */
    public String description() {
        return "freshness of " + source.sourceName + "." + source.name;
    }
}
