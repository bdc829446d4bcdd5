package dev.sluice.core.compile;

import dev.sluice.core.manifest.Node;
import dev.sluice.spi.Relation;
import java.util.Optional;

/**
 * {@code --defer}: decides whether a {@code ref()} to a node resolves to another environment's relation (the one the
 * {@code --state} manifest recorded) instead of the node's own. {@link #NONE} never defers.
 */
@FunctionalInterface
public interface DeferResolver {
    DeferResolver NONE = target -> Optional.empty();

    /** The relation to use for {@code ref(target)}, or empty to use the target's own relation. */
    Optional<Relation> resolve(Node target);
}
