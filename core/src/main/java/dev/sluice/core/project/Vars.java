package dev.sluice.core.project;

import dev.sluice.core.jinja.ContextFunctions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Variables in dbt's precedence: {@code --vars} on the command line, then the project's vars scoped to the node's
 * package ({@code vars: {pkg: {x: 1}}}), then the project's global vars.
 */
public final class Vars {
    private final Map<String, Object> cli;
    private final Map<String, Object> project;
    private final java.util.Set<String> packageNames;

    public Vars(Map<String, Object> cli, Map<String, Object> project, java.util.Set<String> packageNames) {
        this.cli = cli == null ? Map.of() : cli;
        this.project = project == null ? Map.of() : project;
        this.packageNames = packageNames;
    }

    public static Vars cliOnly(Map<String, Object> cli) {
        return new Vars(cli, Map.of(), java.util.Set.of());
    }

    public Map<String, Object> cli() {
        return cli;
    }

    /** The lookup a node of {@code packageName} sees; unknown names give {@link ContextFunctions#MISSING}. */
    public ContextFunctions.VarLookup forPackage(String packageName) {
        Map<String, Object> merged = new LinkedHashMap<>();
        project.forEach((k, v) -> {
            if (!packageNames.contains(k)) {
                merged.put(k, v);
            }
        });
        if (packageName != null && project.get(packageName) instanceof Map<?, ?> scoped) {
            scoped.forEach((k, v) -> merged.put(String.valueOf(k), v));
        }
        merged.putAll(cli);
        return name -> merged.containsKey(name) ? merged.get(name) : ContextFunctions.MISSING;
    }
}
