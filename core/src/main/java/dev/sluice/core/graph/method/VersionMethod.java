package dev.sluice.core.graph.method;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.manifest.ResourceType;

import java.util.List;
import java.util.Set;

/**
 * {@code version:} latest, prerelease, old or none. Sluice's manifest has no model versions yet, so every model is
 * unversioned: {@code none} selects all models and the others select nothing.
 */
public final class VersionMethod implements SelectionMethod {

    @Override
    public Set<String> search(MethodScope scope, List<String> arguments, String value) {
        return switch (value) {
            case "none" -> scope.idsWhere(c -> c.resourceType() == ResourceType.MODEL);
            case "latest", "prerelease", "old" -> Set.of();
            default -> throw new SluiceException(ErrorCode.SELECTOR_INVALID, "Invalid version selector '" + value
                    + "': expected latest, prerelease, old or none");
        };
    }
}
