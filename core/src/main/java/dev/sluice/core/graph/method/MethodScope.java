package dev.sluice.core.graph.method;

import dev.sluice.core.parallel.Memo;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** What a {@link SelectionMethod} searches: every selectable resource, and the root project's name. */
public record MethodScope(String rootProject, Collection<Selectable> candidates, Memo<FqnIndex> fqnIndex) {

    public MethodScope(String rootProject, Collection<Selectable> candidates) {
        this(rootProject, candidates, Memo.of(() -> new FqnIndex(List.copyOf(candidates))));
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
