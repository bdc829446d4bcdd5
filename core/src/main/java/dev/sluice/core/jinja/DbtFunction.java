package dev.sluice.core.jinja;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.lib.fn.MacroFunction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A callable of the dbt context ({@code ref}, {@code var}, {@code run_query}, ...). Jinjava hands positional arguments and
 * keyword arguments separately; subclasses read them with {@link Args}.
 *
 * <p>It is a Jinjava {@link MacroFunction} (with no body) because Jinjava resolves a bare call such as {@code ref(...)}
 * only among global macros; namespaced calls ({@code adapter.quote(...)}) work for any callable.
 */
public abstract class DbtFunction extends MacroFunction {
    private static final Context NO_SCOPE = new Context();

    protected DbtFunction(String name) {
        super(java.util.List.of(), name, new LinkedHashMap<>(), false, NO_SCOPE, 0, 0);
    }

    @Override
    public final Object doEvaluate(Map<String, Object> argMap, Map<String, Object> kwargMap, List<Object> varArgs) {
        return call(new Args(getName(), varArgs, kwargMap));
    }

    protected abstract Object call(Args args);

    /** Target of {@link CallChains}: a call on the value this function returned. */
    public Object __call__(Object... args) {
        return evaluate(args);
    }

    /** A function from a lambda, for the many one-liners of the context. */
    public static DbtFunction of(String name, java.util.function.Function<Args, Object> body) {
        return new DbtFunction(name) {
            @Override
            protected Object call(Args args) {
                return body.apply(args);
            }
        };
    }
}
