package dev.sluice.core.manifest.parse;

import dev.sluice.spi.SqlDialect;
import java.util.Map;

/**
 * What parsing knows of the warehouse without connecting: the adapter type, its SQL dialect, the target's database
 * and schema, and the {@code target} variable templates see.
 */
public record ParseTarget(String adapterType, SqlDialect dialect, String database, String schema,
                          Map<String, Object> targetContext) {
}
