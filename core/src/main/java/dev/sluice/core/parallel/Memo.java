package dev.sluice.core.parallel;

import java.util.function.Supplier;

/**
 * A value computed on first use, once, whichever thread asks first; later callers get the same value. For the parts
 * of a command that often never need their value (a cached manifest, the parent map, an fqn index).
 */
public final class Memo<T> implements Supplier<T> {
    private Supplier<T> compute;
    private volatile T value;

    private Memo(Supplier<T> compute) {
        this.compute = compute;
    }

    /** {@code compute} memoized; a Memo is returned as it is. {@code compute} must not return null. */
    public static <T> Memo<T> of(Supplier<T> compute) {
        return compute instanceof Memo<T> memo ? memo : new Memo<>(compute);
    }

    @Override
    public T get() {
        T known = value;
        if (known == null) {
            synchronized (this) {
                if (value == null) {
                    value = compute.get();
                    compute = null; // what it captured can be collected
                }
                known = value;
            }
        }
        return known;
    }
}
