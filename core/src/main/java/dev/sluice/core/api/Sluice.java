package dev.sluice.core.api;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.events.EventSink;
import dev.sluice.core.execute.RunResults;
import dev.sluice.core.project.EnvVars;
import dev.sluice.spi.AdapterException;
import dev.sluice.spi.AdapterFactory;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The engine as front ends see it. Every call runs in the {@link Engine}; a warehouse failure that escapes a command
 * (a query for {@code show}, an introspective macro while compiling) becomes a {@link SluiceException} with
 * {@link ErrorCode#SQL_FAILED}, so front ends print one clear message instead of a stack trace.
 */
public final class Sluice implements SluiceApi {
    private final Engine engine;

    public Sluice(EventSink events, EnvVars env, Supplier<List<AdapterFactory>> adapters) {
        this.engine = new Engine(events, env, adapters);
    }

    private static <T> T guard(Supplier<T> call) {
        try {
            return call.get();
        } catch (AdapterException e) {
            throw new SluiceException(ErrorCode.SQL_FAILED, e.getMessage(), null, null, e);
        }
    }

    @Override
    public int parse(InvocationOptions options) {
        return guard(() -> engine.parse(options));
    }

    @Override
    public RunResults run(InvocationOptions options) {
        return guard(() -> engine.run(options));
    }

    @Override
    public RunResults seed(InvocationOptions options) {
        return guard(() -> engine.seed(options));
    }

    @Override
    public RunResults test(InvocationOptions options) {
        return guard(() -> engine.test(options));
    }

    @Override
    public RunResults build(InvocationOptions options) {
        return guard(() -> engine.build(options));
    }

    @Override
    public RunResults snapshot(InvocationOptions options) {
        return guard(() -> engine.snapshot(options));
    }

    @Override
    public RunResults freshness(InvocationOptions options, java.nio.file.Path output) {
        return guard(() -> engine.freshness(options, output));
    }

    @Override
    public RunResults retry(InvocationOptions options) {
        return guard(() -> engine.retry(options));
    }

    @Override
    public RunResults clone(InvocationOptions options) {
        return guard(() -> engine.clone(options));
    }

    @Override
    public Map<String, String> compile(InvocationOptions options) {
        return guard(() -> engine.compile(options));
    }

    @Override
    public String compileInline(InvocationOptions options, String sql) {
        return guard(() -> engine.compileInline(options, sql));
    }

    @Override
    public List<String> list(InvocationOptions options, ListOutput output, List<String> outputKeys) {
        return guard(() -> engine.list(options, output, outputKeys));
    }

    @Override
    public ShowResult show(InvocationOptions options, String inlineSql, int limit) {
        return guard(() -> engine.show(options, inlineSql, limit));
    }

    @Override
    public String runOperation(InvocationOptions options, String macro, Map<String, Object> args) {
        return guard(() -> engine.runOperation(options, macro, args));
    }

    @Override
    public List<String> deps(InvocationOptions options, boolean upgrade) {
        return guard(() -> engine.deps(options, upgrade));
    }

    @Override
    public List<String> clean(InvocationOptions options) {
        return guard(() -> engine.clean(options));
    }

    @Override
    public DebugReport debug(InvocationOptions options) {
        return guard(() -> engine.debug(options));
    }

    @Override
    public DocsResult docsGenerate(InvocationOptions options, DocsOptions docs) {
        return guard(() -> engine.docsGenerate(options, docs));
    }

    @Override
    public dev.sluice.core.docs.DocsServer docsServe(InvocationOptions options, String host, int port) {
        return guard(() -> engine.docsServe(options, host, port));
    }
}
