package dev.sluice.testkit.postgres;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link EmbeddedPostgres} for every test class of a JVM, started by the first class that needs it and stopped
 * when the test run ends (it lives in JUnit's root store, not in a static). Use it as
 *
 * <pre>{@code
 * @RegisterExtension
 * static final SharedPostgres PG = new SharedPostgres();
 * ...
 * String schema = PG.server().freshSchema("my_test");
 * }</pre>
 */
public final class SharedPostgres implements BeforeAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedPostgres.class);

    private EmbeddedPostgres server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("server", key -> new Running(EmbeddedPostgres.start()), Running.class).server;
    }

    /** The shared server; available from {@code @BeforeAll} on. */
    public EmbeddedPostgres server() {
        if (server == null) {
            throw new IllegalStateException("SharedPostgres must be registered with @RegisterExtension on a static field");
        }
        return server;
    }

    private record Running(EmbeddedPostgres server) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            server.close();
        }
    }
}
