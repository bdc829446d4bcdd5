package dev.sluice.core.graph.method;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;

import java.util.List;
import java.util.Set;

/**
 * {@code state:}, {@code result:} and {@code source_status:} compare against a previous run's artifacts. They are
 * reserved names until state comparison exists, so using one fails clearly instead of reading as an unknown method.
 */
public final class RequiresStateMethod implements SelectionMethod {
    private final String name;

    public RequiresStateMethod(String name) {
        this.name = name;
    }

    @Override
    public Set<String> search(MethodScope scope, List<String> arguments, String value) {
        throw new SluiceException(ErrorCode.SELECTOR_INVALID, "The '" + name + "' selector method requires --state "
                + "(artifacts of a previous run to compare with), which Sluice does not support yet: '" + name + ":"
                + value + "'");
    }
}
