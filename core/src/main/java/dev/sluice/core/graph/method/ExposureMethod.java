package dev.sluice.core.graph.method;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;

import java.util.List;
import java.util.Set;

/** {@code exposure:} as {@code name} or {@code package.name}, each part a wildcard pattern. */
public final class ExposureMethod implements SelectionMethod {

    @Override
    public Set<String> search(MethodScope scope, List<String> arguments, String value) {
        String[] parts = value.split("\\.", -1);
        if (parts.length > 2) {
            throw new SluiceException(ErrorCode.SELECTOR_INVALID, "Invalid exposure selector value '" + value
                    + "': expected exposure_name or package_name.exposure_name");
        }
        String pkg = parts.length == 2 ? parts[0] : "*";
        String name = parts[parts.length - 1];
        return scope.idsWhere(c -> c.exposure() != null && Glob.matches(pkg, c.packageName())
                && Glob.matches(name, c.name()));
    }
}
