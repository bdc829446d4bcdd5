package dev.sluice.deploy.run;

import dev.sluice.spi.Adapter;
import dev.sluice.spi.AdapterContext;
import dev.sluice.spi.AdapterException;
import dev.sluice.spi.AdapterFactory;
import dev.sluice.spi.SqlDialect;
import dev.sluice.spi.TargetConfig;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The hook that stops a step's work: the engine opens its warehouse through {@link #wrap wrapped} adapter factories,
 * which remember every adapter they open; {@link #cancel} cancels the statements running on them
 * ({@link Adapter#cancel()}), after which each node still to run fails at once and the command returns.
 */
final class CancelHandle {
    private final List<Adapter> opened = new CopyOnWriteArrayList<>();
    private volatile String reason;

    /** Why the step was stopped ("Cancelled by ...", "Timed out after ..."), or null while it was not. */
    String reason() {
        return reason;
    }

    void cancel(String why) {
        if (reason == null) {
            reason = why;
        }
        opened.forEach(Adapter::cancel);
    }

    List<AdapterFactory> wrap(List<AdapterFactory> factories) {
        return factories.stream().map(f -> (AdapterFactory) new Tracking(f)).toList();
    }

    private final class Tracking implements AdapterFactory {
        private final AdapterFactory delegate;

        Tracking(AdapterFactory delegate) {
            this.delegate = delegate;
        }

        @Override
        public String type() {
            return delegate.type();
        }

        @Override
        public SqlDialect dialect() {
            return delegate.dialect();
        }

        @Override
        public TargetConfig normalize(TargetConfig target) {
            return delegate.normalize(target);
        }

        @Override
        public String macros() {
            return delegate.macros();
        }

        @Override
        public Adapter create(TargetConfig target, AdapterContext context) {
            if (reason != null) {
                throw new AdapterException("cancelled: " + reason, false);
            }
            Adapter adapter = delegate.create(target, context);
            opened.add(adapter);
            if (reason != null) {
                adapter.cancel();
            }
            return adapter;
        }
    }
}
