package dev.sluice.core.graph.method;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;

import java.util.List;
import java.util.Set;

/**
 * {@code state:}, {@code result:} and {@code source_status:} compare against a previous run's artifacts. Without
 * {@code --state} they are bound to this, so using one fails clearly instead of reading as an unknown method; with it,
 * {@code dev.sluice.core.state.StateSelection} binds {@code state:} and {@code result:} to real comparisons, and the
 * session binds {@code source_status:} to {@link SourceStatusMethod}.
 */
public final class RequiresStateMethod implements SelectionMethod {
    private final String name;

    public RequiresStateMethod(String name) {
        this.name = name;
    }

    @Override
    public Set<String> search(MethodScope scope, List<String> arguments, String value) {
        String why = name.equals("source_status")
                ? "(the folder of a previous run's sources.json, to compare with the current target/sources.json)"
                : "(the folder of a previous invocation's manifest.json and run_results.json to compare with)";
        throw new SluiceException(ErrorCode.SELECTOR_INVALID, "The '" + name + "' selector method requires --state "
                + why + ": '" + name + ":" + value + "'");
    }
}
