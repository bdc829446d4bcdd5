package dev.sluice.core.graph.method;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.manifest.ResourceType;

import java.util.List;
import java.util.Set;

/** {@code resource_type:} matches every resource of one type (model, seed, test, unit_test, source, exposure...). */
public final class ResourceTypeMethod implements SelectionMethod {

    @Override
    public Set<String> search(MethodScope scope, List<String> arguments, String value) {
        ResourceType type = parse(value);
        return scope.idsWhere(c -> c.resourceType() == type);
    }

    static ResourceType parse(String value) {
        try {
            return ResourceType.fromDbtName(value);
        } catch (IllegalArgumentException e) {
            throw new SluiceException(ErrorCode.SELECTOR_INVALID, "Invalid resource_type selector '" + value + "'");
        }
    }
}
