package dev.sluice.core.state;

import dev.sluice.core.graph.method.SelectionMethods;
import dev.sluice.core.manifest.Manifest;
import java.util.function.Supplier;

/** The selector methods with {@code state:} and {@code result:} bound to a {@code --state} folder. */
public final class StateSelection {
    private StateSelection() {
    }

    /**
     * {@code base} with {@code state:} comparing {@code manifest} against the state manifest and {@code result:}
     * reading the state run results; both read their files only when a selector uses them.
     */
    public static SelectionMethods methods(SelectionMethods base, PreviousState state, Manifest manifest,
                                           String adapterType) {
        Supplier<StateComparator> comparator = new Supplier<>() {
            private StateComparator cached;

            @Override
            public synchronized StateComparator get() {
                if (cached == null) {
                    cached = new StateComparator(state.manifest(), StateManifest.current(manifest, adapterType));
                }
                return cached;
            }
        };
        return base.with("state", new StateMethod(comparator)).with("result", new ResultMethod(state::run));
    }
}
