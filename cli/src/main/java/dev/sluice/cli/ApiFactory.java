package dev.sluice.cli;

import dev.sluice.core.api.Sluice;
import dev.sluice.core.api.SluiceApi;
import dev.sluice.core.events.EventSink;
import dev.sluice.core.project.EnvVars;
import dev.sluice.spi.AdapterFactory;
import java.util.List;
import java.util.ServiceLoader;

/**
 * How the CLI obtains the engine: one call per invocation, with the sink that prints events. Tests pass a fake; the
 * launcher uses {@link #standard()}.
 */
@FunctionalInterface
public interface ApiFactory {

    SluiceApi create(EventSink sink);

    /** The real engine, with the process environment and every adapter on the class path (ServiceLoader). */
    static ApiFactory standard() {
        return sink -> new Sluice(sink, EnvVars.system(), ApiFactory::adapters);
    }

    /** The adapters registered under {@code META-INF/services/dev.sluice.spi.AdapterFactory}, in class-path order. */
    static List<AdapterFactory> adapters() {
        return ServiceLoader.load(AdapterFactory.class).stream().map(ServiceLoader.Provider::get).toList();
    }
}
