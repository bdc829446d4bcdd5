package dev.sluice.core.state;

import dev.sluice.core.compile.DeferResolver;
import dev.sluice.core.compile.Relations;
import dev.sluice.core.manifest.Node;
import dev.sluice.spi.Adapter;
import dev.sluice.spi.Relation;
import dev.sluice.spi.RelationType;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * dbt's {@code --defer} rule: a {@code ref()} to a node resolves to the relation the state manifest recorded when the
 * node is not selected and its own relation does not exist in the current target; with {@code --favor-state}, whenever
 * it is not selected. Ephemeral models are never deferred, nor nodes the state manifest lacks. Whether a relation
 * exists is answered from one listing per schema, cached for the invocation.
 */
public final class StateDeferResolver implements DeferResolver {
    private final StateManifest state;
    private final Set<String> selected;
    private final boolean favorState;
    private final Supplier<Adapter> adapter;
    private final Map<String, Set<String>> existing = new ConcurrentHashMap<>();

    public StateDeferResolver(StateManifest state, Set<String> selected, boolean favorState, Supplier<Adapter> adapter) {
        this.state = state;
        this.selected = Set.copyOf(selected);
        this.favorState = favorState;
        this.adapter = adapter;
    }

    @Override
    public Optional<Relation> resolve(Node target) {
        if (selected.contains(target.uniqueId) || target.isEphemeral() || !Relations.builds(target)) {
            return Optional.empty();
        }
        StateNode recorded = state.resource(target.uniqueId).orElse(null);
        if (recorded == null || !recorded.buildsRelation() || recorded.schema() == null) {
            return Optional.empty();
        }
        if (!favorState && exists(Relations.of(target))) {
            return Optional.empty();
        }
        return Optional.of(relationOf(recorded));
    }

    /** The relation a state node recorded: its database, schema and alias. */
    public static Relation relationOf(StateNode recorded) {
        RelationType type = "view".equals(recorded.materialized()) ? RelationType.VIEW : RelationType.TABLE;
        return new Relation(recorded.database(), recorded.schema(), recorded.identifier(), type);
    }

    private boolean exists(Relation relation) {
        String key = lower(relation.database()) + "." + lower(relation.schema());
        Set<String> names = existing.computeIfAbsent(key, k -> {
            Set<String> out = new HashSet<>();
            adapter.get().listRelations(relation.database(), relation.schema())
                    .forEach(r -> out.add(lower(r.identifier())));
            return out;
        });
        return names.contains(lower(relation.identifier()));
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
