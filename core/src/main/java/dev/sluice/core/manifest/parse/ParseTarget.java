package dev.sluice.core.manifest.parse;

import dev.sluice.spi.SqlDialect;
import java.util.Map;

/**
 * What parsing knows of the warehouse without connecting: the adapter type, its SQL dialect, the target's database
 * and schema, the {@code target} variable templates see, and the adapter's own macros.
 */
public record ParseTarget(String adapterType, SqlDialect dialect, String database, String schema,
                          Map<String, Object> targetContext, String adapterMacros) {

    public ParseTarget(String adapterType, SqlDialect dialect, String database, String schema,
                       Map<String, Object> targetContext) {
        this(adapterType, dialect, database, schema, targetContext, "");
    }
}
