package dev.sluice.core.graph.method;

import java.util.List;
import java.util.Set;

/** {@code package:} matches resources of a package by (wildcard) name; {@code package:this} is the root project. */
public final class PackageMethod implements SelectionMethod {

    @Override
    public Set<String> search(MethodScope scope, List<String> arguments, String value) {
        String pattern = "this".equals(value) && scope.rootProject() != null ? scope.rootProject() : value;
        return scope.idsWhere(c -> Glob.matches(pattern, c.packageName()));
    }
}
