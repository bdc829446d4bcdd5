package dev.sluice.core.unittest;

import dev.sluice.spi.SqlDialect;

/** Standard SQL spelling (double-quoted identifiers, ANSI type names) for SQL generation tests. */
final class AnsiDialect implements SqlDialect {
    @Override
    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override public String typeString() { return "varchar"; }
    @Override public String typeInt() { return "integer"; }
    @Override public String typeBigint() { return "bigint"; }
    @Override public String typeFloat() { return "double precision"; }
    @Override public String typeNumeric() { return "numeric(28,6)"; }
    @Override public String typeBoolean() { return "boolean"; }
    @Override public String typeTimestamp() { return "timestamp"; }
}
