package dev.sluice.core.graph.method;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;

import java.util.List;
import java.util.Set;

/**
 * {@code state:}, {@code result:} and {@code source_status:} compare against a previous run's artifacts. Without
 * {@code --state} they are bound to this, so using one fails clearly instead of reading as an unknown method; with it,
 * {@code dev.sluice.core.state.StateSelection} binds {@code state:} and {@code result:} to real comparisons
 * ({@code source_status:} stays here until source freshness results exist).
 */
public final class RequiresStateMethod implements SelectionMethod {
    private final String name;

    public RequiresStateMethod(String name) {
        this.name = name;
    }

    @Override
    public Set<String> search(MethodScope scope, List<String> arguments, String value) {
        String why = name.equals("source_status")
                ? "(artifacts of a previous run to compare with) and source freshness results, which Sluice does not "
                        + "support yet"
                : "(the folder of a previous invocation's manifest.json and run_results.json to compare with)";
        throw new SluiceException(ErrorCode.SELECTOR_INVALID, "The '" + name + "' selector method requires --state "
                + why + ": '" + name + ":" + value + "'");
    }
}
