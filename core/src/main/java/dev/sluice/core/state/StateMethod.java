package dev.sluice.core.state;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.graph.method.MethodScope;
import dev.sluice.core.graph.method.SelectionMethod;
import dev.sluice.core.state.StateComparator.Aspect;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code state:new}, {@code state:old}, {@code state:modified}, {@code state:unmodified} and
 * {@code state:modified.<body|configs|relation|persisted_descriptions|macros|contract>}, comparing the current manifest
 * with the {@code --state} one.
 */
public final class StateMethod implements SelectionMethod {
    private final Supplier<StateComparator> comparator;

    public StateMethod(Supplier<StateComparator> comparator) {
        this.comparator = comparator;
    }

    @Override
    public Set<String> search(MethodScope scope, List<String> arguments, String value) {
        String wanted = value.trim();
        if (wanted.startsWith("modified.")) {
            String sub = wanted.substring("modified.".length());
            Aspect aspect = Aspect.parse(sub).orElseThrow(() -> invalid(value));
            StateComparator compare = comparator.get();
            return scope.idsWhere(c -> compare.modified(c.uniqueId(), aspect));
        }
        StateComparator compare = comparator.get();
        return switch (wanted) {
            case "new" -> scope.idsWhere(c -> compare.isNew(c.uniqueId()));
            case "old" -> scope.idsWhere(c -> !compare.isNew(c.uniqueId()));
            case "modified" -> scope.idsWhere(c -> compare.modified(c.uniqueId()));
            case "unmodified" -> scope.idsWhere(c -> !compare.isNew(c.uniqueId()) && !compare.modified(c.uniqueId()));
            default -> throw invalid(value);
        };
    }

    private static SluiceException invalid(String value) {
        return new SluiceException(ErrorCode.SELECTOR_INVALID, "Got an invalid selector 'state:" + value + "': "
                + "expected new, old, modified, unmodified or modified.<body|configs|relation|persisted_descriptions"
                + "|macros|contract>");
    }
}
