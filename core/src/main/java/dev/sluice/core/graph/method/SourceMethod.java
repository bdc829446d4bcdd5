package dev.sluice.core.graph.method;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;

import java.util.List;
import java.util.Set;

/** {@code source:} as {@code source_name}, {@code source_name.table_name} or {@code package.source_name.table_name}, each part a wildcard pattern. */
public final class SourceMethod implements SelectionMethod {

    @Override
    public Set<String> search(MethodScope scope, List<String> arguments, String value) {
        String[] parts = value.split("\\.", -1);
        if (parts.length > 3) {
            throw new SluiceException(ErrorCode.SELECTOR_INVALID, "Invalid source selector value '" + value
                    + "': expected source_name, source_name.table_name or package_name.source_name.table_name");
        }
        String pkg = parts.length == 3 ? parts[0] : "*";
        String sourceName = parts[parts.length == 3 ? 1 : 0];
        String table = parts.length >= 2 ? parts[parts.length - 1] : "*";
        return scope.idsWhere(c -> c.source() != null
                && Glob.matches(pkg, c.packageName())
                && Glob.matches(sourceName, c.source().sourceName)
                && Glob.matches(table, c.name()));
    }
}
