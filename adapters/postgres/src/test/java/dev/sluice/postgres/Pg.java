package dev.sluice.postgres;

import dev.sluice.spi.AdapterContext;
import dev.sluice.spi.TargetConfig;
import dev.sluice.testkit.postgres.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Opens the adapter on an embedded server as the engine would, keeping its notices. */
final class Pg {
    final List<String> notices = new CopyOnWriteArrayList<>();

    static Map<String, Object> fields(EmbeddedPostgres server, String schema) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", "postgres");
        fields.put("host", server.host());
        fields.put("port", server.port());
        fields.put("user", EmbeddedPostgres.USER);
        fields.put("password", EmbeddedPostgres.PASSWORD);
        fields.put("dbname", EmbeddedPostgres.DATABASE);
        fields.put("schema", schema);
        return fields;
    }

    PostgresAdapter open(Map<String, Object> fields, int threads) {
        PostgresAdapterFactory factory = new PostgresAdapterFactory();
        TargetConfig raw = new TargetConfig("test", "dev", "postgres", null, String.valueOf(fields.get("schema")),
                threads, fields);
        return (PostgresAdapter) factory.create(factory.normalize(raw), new AdapterContext(Path.of("."), threads,
                notices::add));
    }

    PostgresAdapter open(EmbeddedPostgres server, String schema) {
        return open(fields(server, schema), 2);
    }
}
