package dev.sluice.postgres;

import dev.sluice.spi.Adapter;
import dev.sluice.spi.AdapterContext;
import dev.sluice.spi.AdapterFactory;
import dev.sluice.spi.SqlDialect;
import dev.sluice.spi.TargetConfig;

/** Registers {@code type: postgres}. */
public final class PostgresAdapterFactory implements AdapterFactory {
    @Override
    public String type() {
        return "postgres";
    }

    /** The spelling before a connection exists (parse, compile): a server with MERGE is assumed. */
    @Override
    public SqlDialect dialect() {
        return new PostgresDialect();
    }

    /** The database is {@code dbname} (dbt-postgres' name for it; {@code database} also works); schema {@code public}. */
    @Override
    public TargetConfig normalize(TargetConfig target) {
        Object dbname = target.fields() == null ? null : target.fields().get("dbname");
        String database = dbname != null ? String.valueOf(dbname) : target.database();
        Object declared = target.fields() == null ? null : target.fields().get("schema");
        String schema = declared == null || String.valueOf(declared).isBlank() ? "public" : String.valueOf(declared);
        return new TargetConfig(target.profileName(), target.targetName(), target.type(), database, schema,
                target.threads(), target.fields());
    }

    @Override
    public String macros() {
        try (java.io.InputStream in = PostgresAdapterFactory.class.getResourceAsStream("/dev/sluice/postgres/macros.sql")) {
            return in == null ? "" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the PostgreSQL adapter's macros.sql cannot be read", e);
        }
    }

    @Override
    public Adapter create(TargetConfig target, AdapterContext context) {
        return PostgresAdapter.open(target, context);
    }
}
