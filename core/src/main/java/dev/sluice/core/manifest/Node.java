package dev.sluice.core.manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An executable DAG node as dbt's manifest holds it: a model, seed, test, unit test, snapshot, analysis or operation.
 * Filled by the parser; once the {@link Manifest} is built, no stage changes it.
 */
public final class Node {
    public final String uniqueId;
    public final ResourceType resourceType;
    public final String packageName;
    public final String name;
    /** Path inside its resource folder, e.g. {@code staging/stg_orders.sql}. */
    public final String path;
    /** Path from the project root, e.g. {@code models/staging/stg_orders.sql}. */
    public final String originalFilePath;
    public final List<String> fqn;
    public String rawCode = "";
    public String language = "sql";
    public NodeConfig config = new NodeConfig();
    public String description = "";
    public final Map<String, ColumnInfo> columns = new LinkedHashMap<>();
    public String patchPath;
    public String database;
    public String schema;
    public String alias;
    /** {@code ref()} calls seen at parse time: [package?, name] and an optional version. */
    public final List<List<String>> refs = new ArrayList<>();
    /** {@code source()} calls seen at parse time: [source_name, table_name]. */
    public final List<List<String>> sources = new ArrayList<>();
    public final Set<String> dependsOnNodes = new LinkedHashSet<>();
    public final Set<String> dependsOnMacros = new LinkedHashSet<>();
    public final Map<String, Object> meta = new LinkedHashMap<>();
    public TestMetadata testMetadata;
    public String columnName;
    public String attachedNode;
    public String checksum = "";
    /** 1-based line where the node's own text starts in its file (for YAML-defined tests: the YAML line). */
    public int line = 1;
    /** Seeds: absolute path of the CSV. */
    public java.nio.file.Path seedFile;
    /** Unit tests: the given fixtures, expected rows and overrides. */
    public UnitTestDefinition unitTest;

    public Node(String uniqueId, ResourceType resourceType, String packageName, String name, String path,
                String originalFilePath, List<String> fqn) {
        this.uniqueId = uniqueId;
        this.resourceType = resourceType;
        this.packageName = packageName;
        this.name = name;
        this.path = path;
        this.originalFilePath = originalFilePath;
        this.fqn = fqn;
    }

    public String materialized() {
        return config.materialized();
    }

    public boolean isEphemeral() {
        return resourceType == ResourceType.MODEL && "ephemeral".equals(materialized());
    }

    public List<String> tags() {
        return config.tags();
    }

    /** "model jaffle_shop.customers" as dbt names nodes in messages. */
    public String describe() {
        return resourceType.dbtName() + " " + packageName + "." + name;
    }

    @Override
    public String toString() {
        return uniqueId;
    }
}
