package dev.sluice.core.manifest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A table declared under {@code sources:} in YAML. */
public final class SourceDefinition {
    public final String uniqueId;
    public final String packageName;
    public final String sourceName;
    public final String name;
    public final String originalFilePath;
    public final List<String> fqn;
    public String database;
    public String schema;
    public String identifier;
    public String description = "";
    public String sourceDescription = "";
    public String loader = "";
    public String loadedAtField;
    public Map<String, Object> freshness;
    public final Map<String, ColumnInfo> columns = new LinkedHashMap<>();
    public NodeConfig config = new NodeConfig();
    public final Map<String, Object> meta = new LinkedHashMap<>();
    public final Map<String, Object> sourceMeta = new LinkedHashMap<>();
    public List<String> tags = List.of();
    public boolean quoteIdentifier;
    public int line = 1;

    public SourceDefinition(String uniqueId, String packageName, String sourceName, String name, String originalFilePath,
                            List<String> fqn) {
        this.uniqueId = uniqueId;
        this.packageName = packageName;
        this.sourceName = sourceName;
        this.name = name;
        this.originalFilePath = originalFilePath;
        this.fqn = fqn;
    }

    public String path() {
        return originalFilePath;
    }
}
