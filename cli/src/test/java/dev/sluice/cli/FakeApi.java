package dev.sluice.cli;

import dev.sluice.core.api.DebugReport;
import dev.sluice.core.api.InvocationOptions;
import dev.sluice.core.api.ListOutput;
import dev.sluice.core.api.ShowResult;
import dev.sluice.core.api.SluiceApi;
import dev.sluice.core.events.Event;
import dev.sluice.core.events.EventSink;
import dev.sluice.core.execute.RunResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** A scripted engine: records what the CLI asked for, replays events, returns or throws what a test set up. */
final class FakeApi implements SluiceApi, ApiFactory {
    EventSink sink;
    String called;
    InvocationOptions options;
    List<Event> events = new ArrayList<>();
    RunResults results;
    RuntimeException failure;
    List<String> listLines = List.of();
    ListOutput listOutput;
    List<String> outputKeys;
    ShowResult showResult;
    String inlineSql;
    int limit;
    String macro;
    Map<String, Object> macroArgs;
    Map<String, String> compiled = Map.of();
    List<String> cleaned = List.of();
    DebugReport debugReport = new DebugReport(List.of());

    @Override
    public SluiceApi create(EventSink sink) {
        this.sink = sink;
        return this;
    }

    private <T> T call(String name, InvocationOptions o, Supplier<T> value) {
        called = name;
        options = o;
        events.forEach(sink::accept);
        if (failure != null) {
            throw failure;
        }
        return value.get();
    }

    @Override
    public int parse(InvocationOptions o) {
        return call("parse", o, () -> 3);
    }

    @Override
    public RunResults run(InvocationOptions o) {
        return call("run", o, () -> results);
    }

    @Override
    public RunResults seed(InvocationOptions o) {
        return call("seed", o, () -> results);
    }

    @Override
    public RunResults test(InvocationOptions o) {
        return call("test", o, () -> results);
    }

    @Override
    public RunResults build(InvocationOptions o) {
        return call("build", o, () -> results);
    }

    @Override
    public RunResults freshness(InvocationOptions o, java.nio.file.Path output) {
        return call("source freshness", o, () -> results);
    }

    @Override
    public dev.sluice.core.api.DocsResult docsGenerate(InvocationOptions o, dev.sluice.core.api.DocsOptions docs) {
        throw new IllegalStateException("the CLI's own tests do not generate docs");
    }

    @Override
    public dev.sluice.core.docs.DocsServer docsServe(InvocationOptions o, String host, int port) {
        throw new IllegalStateException("the CLI's own tests do not serve docs");
    }

    @Override
    public RunResults retry(InvocationOptions o) {
        return call("retry", o, () -> results);
    }

    @Override
    public RunResults clone(InvocationOptions o) {
        return call("clone", o, () -> results);
    }

    @Override
    public RunResults snapshot(InvocationOptions o) {
        return call("snapshot", o, () -> results);
    }

    @Override
    public List<String> deps(InvocationOptions o, boolean upgrade) {
        return call("deps", o, () -> List.of("sluice_utils"));
    }

    @Override
    public Map<String, String> compile(InvocationOptions o) {
        return call("compile", o, () -> compiled);
    }

    @Override
    public String compileInline(InvocationOptions o, String sql) {
        inlineSql = sql;
        return call("compileInline", o, () -> "-- compiled\n" + sql);
    }

    @Override
    public List<String> list(InvocationOptions o, ListOutput output, List<String> keys) {
        listOutput = output;
        outputKeys = keys;
        return call("list", o, () -> listLines);
    }

    @Override
    public ShowResult show(InvocationOptions o, String sql, int limit) {
        this.inlineSql = sql;
        this.limit = limit;
        return call("show", o, () -> showResult);
    }

    @Override
    public String runOperation(InvocationOptions o, String macro, Map<String, Object> args) {
        this.macro = macro;
        this.macroArgs = args;
        return call("runOperation", o, () -> "done");
    }

    @Override
    public List<String> clean(InvocationOptions o) {
        return call("clean", o, () -> cleaned);
    }

    @Override
    public DebugReport debug(InvocationOptions o) {
        return call("debug", o, () -> debugReport);
    }
}
