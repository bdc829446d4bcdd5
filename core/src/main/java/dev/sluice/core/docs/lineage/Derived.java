package dev.sluice.core.docs.lineage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The lineage of one column while a query is analysed: its upstream columns, kind, and unresolved parts. */
record Derived(Set<ColumnRef> refs, LineageKind kind, List<String> problems) {
    Derived {
        refs = java.util.Collections.unmodifiableSet(new TreeSet<>(refs));
        problems = List.copyOf(problems);
    }

    static Derived constant() {
        return new Derived(Set.of(), LineageKind.CONSTANT, List.of());
    }

    static Derived direct(ColumnRef ref) {
        return new Derived(Set.of(ref), LineageKind.DIRECT, List.of());
    }

    static Derived problem(String problem) {
        return new Derived(Set.of(), LineageKind.TRANSFORMED, List.of(problem));
    }

    /** The same lineage, at least as strong as {@code kind}. */
    Derived atLeast(LineageKind atLeast) {
        return new Derived(refs, kind.max(atLeast), problems);
    }

    /** The union of several columns' lineage, as one value computed from all of them (UNION branches, USING keys). */
    static Derived union(Collection<Derived> parts) {
        Set<ColumnRef> refs = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        LineageKind kind = LineageKind.CONSTANT;
        for (Derived part : parts) {
            refs.addAll(part.refs);
            part.problems.stream().filter(p -> !problems.contains(p)).forEach(problems::add);
            kind = kind.max(part.kind);
        }
        return new Derived(refs, kind, problems);
    }

    OutputColumn toOutput(String name) {
        return new OutputColumn(name, List.copyOf(refs), kind, problems.isEmpty() ? null : String.join("; ", problems));
    }
}
