package dev.sluice.core.jinja;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A dict of the context that is costly to build and that most templates never read ({@code model}): built on first
 * use, then the same map for every read. Reads only; equal to, and printed as, the map it stands for.
 */
public final class LazyDict extends AbstractMap<String, Object> {
    private final Supplier<Map<String, Object>> build;
    private Map<String, Object> built;

    public LazyDict(Supplier<Map<String, Object>> build) {
        this.build = build;
    }

    private Map<String, Object> map() {
        if (built == null) {
            built = build.get();
        }
        return built;
    }

    @Override
    public Object get(Object key) {
        return map().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return map().containsKey(key);
    }

    @Override
    public int size() {
        return map().size();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return map().entrySet();
    }
}
