package dev.sluice.core.state;

import dev.sluice.core.graph.method.MethodScope;
import dev.sluice.core.graph.method.SelectionMethod;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code result:<status>}: the resources whose status in the {@code --state} folder's run_results.json is
 * {@code status} (success, error, fail, skipped, pass, warn, runtime error).
 */
public final class ResultMethod implements SelectionMethod {
    private final Supplier<PreviousRun> run;

    public ResultMethod(Supplier<PreviousRun> run) {
        this.run = run;
    }

    @Override
    public Set<String> search(MethodScope scope, List<String> arguments, String value) {
        Set<String> matching = run.get().withStatus(value.trim());
        return scope.idsWhere(c -> matching.contains(c.uniqueId()));
    }
}
