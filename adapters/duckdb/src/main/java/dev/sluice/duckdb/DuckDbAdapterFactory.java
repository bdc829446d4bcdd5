package dev.sluice.duckdb;

import dev.sluice.spi.Adapter;
import dev.sluice.spi.AdapterContext;
import dev.sluice.spi.AdapterFactory;
import dev.sluice.spi.SqlDialect;
import dev.sluice.spi.TargetConfig;

/** Registers {@code type: duckdb}. */
public final class DuckDbAdapterFactory implements AdapterFactory {
    private final NativeLibrary nativeLibrary = new NativeLibrary();

    @Override
    public String type() {
        return "duckdb";
    }

    @Override
    public SqlDialect dialect() {
        return new DuckDbDialect();
    }

    /** dbt-duckdb names the database after the file (``dev.duckdb`` is ``dev``), ``memory`` in memory; schema ``main``. */
    @Override
    public TargetConfig normalize(TargetConfig target) {
        String database = target.database();
        if (database == null || database.isBlank()) {
            database = DuckDbTarget.databaseName(target.stringField("path", DuckDbTarget.MEMORY));
        }
        String schema = target.schema() == null || target.schema().isBlank() ? "main" : target.schema();
        return new TargetConfig(target.profileName(), target.targetName(), target.type(), database, schema,
                target.threads(), target.fields());
    }

    @Override
    public String macros() {
        try (java.io.InputStream in = DuckDbAdapterFactory.class.getResourceAsStream("/dev/sluice/duckdb/macros.sql")) {
            return in == null ? "" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the DuckDB adapter's macros.sql cannot be read", e);
        }
    }

    /** Loads DuckDB's native library in the background (see {@link NativeLibrary}). */
    @Override
    public void prepare() {
        nativeLibrary.startLoading();
    }

    @Override
    public Adapter create(TargetConfig target, AdapterContext context) {
        nativeLibrary.awaitLoaded();
        return DuckDbAdapter.open(target, context);
    }
}
