package dev.sluice.duckdb;

import dev.sluice.spi.SqlDialect;

final class DuckDbDialect implements SqlDialect {
    @Override
    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override public String typeString() { return "VARCHAR"; }
    @Override public String typeInt() { return "INTEGER"; }
    @Override public String typeBigint() { return "BIGINT"; }
    @Override public String typeFloat() { return "DOUBLE"; }
    @Override public String typeNumeric() { return "DECIMAL(28,6)"; }
    @Override public String typeBoolean() { return "BOOLEAN"; }
    @Override public String typeTimestamp() { return "TIMESTAMP"; }
}
