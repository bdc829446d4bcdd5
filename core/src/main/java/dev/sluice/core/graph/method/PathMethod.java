package dev.sluice.core.graph.method;

import java.util.List;
import java.util.Set;

/**
 * {@code path:} (and bare values holding a slash): resources whose file, relative to the project root, is the given
 * file or lies under the given folder. Sources and exposures match on the YAML file declaring them; nodes also match on
 * the YAML file that patches them. Wildcards follow file-glob rules ({@code *} stays in one folder, {@code **} spans).
 */
public final class PathMethod implements SelectionMethod {

    @Override
    public Set<String> search(MethodScope scope, List<String> arguments, String value) {
        String pattern = normalize(value);
        return scope.idsWhere(c -> atOrUnder(pattern, normalize(c.originalFilePath()))
                || (c.patchPath() != null && Glob.matchesPath(pattern, normalize(stripScheme(c.patchPath())))));
    }

    static boolean atOrUnder(String pattern, String file) {
        if (file == null || file.isEmpty()) {
            return false;
        }
        String candidate = file;
        while (true) {
            if (Glob.matchesPath(pattern, candidate)) {
                return true;
            }
            int slash = candidate.lastIndexOf('/');
            if (slash <= 0) {
                return false;
            }
            candidate = candidate.substring(0, slash);
        }
    }

    static String normalize(String path) {
        if (path == null) {
            return null;
        }
        String out = path.replace('\\', '/');
        while (out.startsWith("./")) {
            out = out.substring(2);
        }
        while (out.length() > 1 && out.endsWith("/")) {
            out = out.substring(0, out.length() - 1);
        }
        return out;
    }

    /** dbt writes patch paths as {@code package://models/schema.yml}. */
    private static String stripScheme(String patchPath) {
        int at = patchPath.indexOf("://");
        return at < 0 ? patchPath : patchPath.substring(at + 3);
    }
}
