package dev.sluice.duckdb;

import dev.sluice.spi.Adapter;
import dev.sluice.spi.AdapterContext;
import dev.sluice.spi.AdapterFactory;
import dev.sluice.spi.TargetConfig;

/** Registers {@code type: duckdb}. */
public final class DuckDbAdapterFactory implements AdapterFactory {
    @Override
    public String type() {
        return "duckdb";
    }

    @Override
    public Adapter create(TargetConfig target, AdapterContext context) {
        return DuckDbAdapter.open(target, context);
    }
}
