package dev.sluice.core.docs.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.spi.CatalogEntry;
import dev.sluice.spi.Column;
import dev.sluice.spi.RelationType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Writes catalog.json in dbt's v1 shape: {@code metadata}, {@code nodes} and {@code sources} keyed by unique id (each
 * with the relation's {@code metadata}, {@code columns} keyed by name, {@code stats} and {@code unique_id}), and
 * {@code errors} (null when every schema was listed).
 */
public final class CatalogJsonWriter {
    public static final String SCHEMA = "https://schemas.getdbt.com/dbt/catalog/v1.json";
    private static final DateTimeFormatter ISO_MICROS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ObjectNode toJson(Catalog catalog, String dbtVersion, String invocationId, Instant generatedAt,
                             Map<String, String> env) {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode meta = root.putObject("metadata");
        meta.put("dbt_schema_version", SCHEMA);
        meta.put("dbt_version", dbtVersion);
        meta.put("generated_at", ISO_MICROS.format(generatedAt));
        meta.put("invocation_id", invocationId);
        ObjectNode envNode = meta.putObject("env");
        env.forEach((k, v) -> {
            if (!k.startsWith("DBT_ENV_SECRET")) {
                envNode.put(k, v);
            }
        });
        ObjectNode nodes = root.putObject("nodes");
        catalog.nodes().forEach((id, entry) -> nodes.set(id, table(id, entry)));
        ObjectNode sources = root.putObject("sources");
        catalog.sources().forEach((id, entry) -> sources.set(id, table(id, entry)));
        if (catalog.errors().isEmpty()) {
            root.putNull("errors");
        } else {
            catalog.errors().forEach(root.putArray("errors")::add);
        }
        return root;
    }

    public void write(Catalog catalog, String dbtVersion, String invocationId, Instant generatedAt,
                      Map<String, String> env, Path file) {
        try {
            Files.createDirectories(file.getParent());
            mapper.writeValue(file.toFile(), toJson(catalog, dbtVersion, invocationId, generatedAt, env));
        } catch (IOException e) {
            throw new SluiceException(ErrorCode.IO, "cannot write " + file + ": " + e.getMessage());
        }
    }

    private ObjectNode table(String id, CatalogEntry entry) {
        ObjectNode table = mapper.createObjectNode();
        ObjectNode meta = table.putObject("metadata");
        meta.put("type", entry.relation().type() == RelationType.VIEW ? "VIEW" : "BASE TABLE");
        meta.put("schema", entry.relation().schema());
        meta.put("name", entry.relation().identifier());
        meta.put("database", entry.relation().database());
        meta.put("comment", entry.comment());
        meta.put("owner", entry.owner());
        ObjectNode columns = table.putObject("columns");
        for (Column column : entry.columns()) {
            ObjectNode c = columns.putObject(column.name());
            c.put("type", column.dataType());
            c.put("index", column.index());
            c.put("name", column.name());
            c.put("comment", column.comment());
        }
        ObjectNode stats = table.putObject("stats");
        if (entry.rowCount() != null) {
            stat(stats, "row_count", "Row Count", entry.rowCount(), true,
                    "The number of rows in the table, as the warehouse's catalog records it");
            stat(stats, "has_stats", "Has Stats?", true, false,
                    "Indicates whether there are statistics for this table");
        } else {
            stat(stats, "has_stats", "Has Stats?", false, false,
                    "Indicates whether there are statistics for this table");
        }
        table.put("unique_id", id);
        return table;
    }

    private static void stat(ObjectNode stats, String id, String label, Object value, boolean include,
                             String description) {
        ObjectNode stat = stats.putObject(id);
        stat.put("id", id);
        stat.put("label", label);
        if (value instanceof Long l) {
            stat.put("value", l);
        } else {
            stat.put("value", (Boolean) value);
        }
        stat.put("include", include);
        stat.put("description", description);
    }
}
