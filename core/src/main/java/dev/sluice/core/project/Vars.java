package dev.sluice.core.project;

import dev.sluice.core.jinja.ContextFunctions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Variables in dbt's precedence, highest first: {@code --vars} on the command line; the root project's vars scoped to
 * the node's package ({@code vars: {pkg: {x: 1}}}); the root project's global vars; the package's own
 * dbt_project.yml vars.
 */
public final class Vars {
    private final Map<String, Object> cli;
    private final Map<String, Object> rootVars;
    private final String rootPackage;
    private final Map<String, Map<String, Object>> packageVars;

    public Vars(Map<String, Object> cli, Map<String, Object> rootVars, String rootPackage,
                Map<String, Map<String, Object>> packageVars) {
        this.cli = cli == null ? Map.of() : cli;
        this.rootVars = rootVars == null ? Map.of() : rootVars;
        this.rootPackage = rootPackage;
        this.packageVars = packageVars == null ? Map.of() : packageVars;
    }

    public static Vars cliOnly(Map<String, Object> cli) {
        return new Vars(cli, Map.of(), null, Map.of());
    }

    public Map<String, Object> cli() {
        return cli;
    }

    /** The lookup a node of {@code packageName} sees; unknown names give {@link ContextFunctions#MISSING}. */
    public ContextFunctions.VarLookup forPackage(String packageName) {
        Map<String, Object> merged = new LinkedHashMap<>();
        if (packageName != null && !packageName.equals(rootPackage)) {
            globalPart(packageVars.getOrDefault(packageName, Map.of())).forEach(merged::put);
        }
        globalPart(rootVars).forEach(merged::put);
        if (packageName != null && rootVars.get(packageName) instanceof Map<?, ?> scoped) {
            scoped.forEach((k, v) -> merged.put(String.valueOf(k), v));
        }
        merged.putAll(cli);
        return name -> merged.containsKey(name) ? merged.get(name) : ContextFunctions.MISSING;
    }

    /** A vars block without its package-scoped sub-blocks. */
    private Map<String, Object> globalPart(Map<String, Object> vars) {
        Map<String, Object> out = new LinkedHashMap<>();
        vars.forEach((k, v) -> {
            if (!(v instanceof Map<?, ?> && (k.equals(rootPackage) || packageVars.containsKey(k)))) {
                out.put(k, v);
            }
        });
        return out;
    }
}
