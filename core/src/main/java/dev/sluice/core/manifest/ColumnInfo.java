package dev.sluice.core.manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A column as documented in YAML: name, description, data type, meta, tags, and quoting. */
public final class ColumnInfo {
    public final String name;
    public String description = "";
    public String dataType;
    public boolean quote;
    public final Map<String, Object> meta = new LinkedHashMap<>();
    public final List<String> tags = new ArrayList<>();

    public ColumnInfo(String name) {
        this.name = name;
    }
}
