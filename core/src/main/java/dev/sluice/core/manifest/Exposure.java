package dev.sluice.core.manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A downstream use of the project (dashboard, notebook, application) declared under {@code exposures:}. */
public final class Exposure {
    public final String uniqueId;
    public final String packageName;
    public final String name;
    public final String originalFilePath;
    public final List<String> fqn;
    public String type = "dashboard";
    public String label;
    public String description = "";
    public String url;
    public String maturity;
    public final Map<String, Object> owner = new LinkedHashMap<>();
    public final Map<String, Object> meta = new LinkedHashMap<>();
    public List<String> tags = List.of();
    public NodeConfig config = new NodeConfig();
    public final List<List<String>> refs = new ArrayList<>();
    public final List<List<String>> sources = new ArrayList<>();
    public final Set<String> dependsOnNodes = new LinkedHashSet<>();

    public Exposure(String uniqueId, String packageName, String name, String originalFilePath, List<String> fqn) {
        this.uniqueId = uniqueId;
        this.packageName = packageName;
        this.name = name;
        this.originalFilePath = originalFilePath;
        this.fqn = fqn;
    }
}
