package dev.sluice.core.graph.method;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** What a {@link SelectionMethod} searches: every selectable resource, and the root project's name. */
public record MethodScope(String rootProject, Collection<Selectable> candidates, Lazy<FqnIndex> fqnIndex) {

    public MethodScope(String rootProject, Collection<Selectable> candidates) {
        this(rootProject, candidates, new Lazy<>(() -> new FqnIndex(List.copyOf(candidates))));
    }

    /** A value computed on first use (by the one thread that evaluates a selection). */
    static final class Lazy<T> {
        private final java.util.function.Supplier<T> supplier;
        private T value;

        Lazy(java.util.function.Supplier<T> supplier) {
            this.supplier = supplier;
        }

        T get() {
            if (value == null) {
                value = supplier.get();
            }
            return value;
        }
    }

    /** Ids of the candidates that pass {@code test}. */
    public Set<String> idsWhere(Predicate<Selectable> test) {
        Set<String> out = new LinkedHashSet<>();
        for (Selectable candidate : candidates) {
            if (test.test(candidate)) {
                out.add(candidate.uniqueId());
            }
        }
        return out;
    }
}
