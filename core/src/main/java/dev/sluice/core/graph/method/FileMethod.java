package dev.sluice.core.graph.method;

import java.util.List;
import java.util.Set;

/** {@code file:} (and bare values ending in .sql, .py or .csv): matches the file name, with or without extension. */
public final class FileMethod implements SelectionMethod {

    @Override
    public Set<String> search(MethodScope scope, List<String> arguments, String value) {
        return scope.idsWhere(c -> {
            String file = c.originalFilePath();
            if (file == null || file.isEmpty()) {
                return false;
            }
            String name = file.substring(file.replace('\\', '/').lastIndexOf('/') + 1);
            int dot = name.lastIndexOf('.');
            String stem = dot > 0 ? name.substring(0, dot) : name;
            return Glob.matches(value, name) || Glob.matches(value, stem);
        });
    }
}
