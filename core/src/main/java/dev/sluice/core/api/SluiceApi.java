package dev.sluice.core.api;

import dev.sluice.core.execute.RunResults;
import java.util.List;
import java.util.Map;

/**
 * The one door to the engine for the CLI and the server. Every method reports progress as events to the sink the
 * implementation was built with, writes dbt's artifacts under the target path, and throws
 * {@link dev.sluice.core.errors.SluiceException} when it cannot run at all (bad project, bad profile, cycle). Node
 * failures do not throw: they are in the returned results.
 */
public interface SluiceApi {

    /** Parses the project and writes target/manifest.json. Returns the number of nodes parsed. */
    int parse(InvocationOptions options);

    RunResults run(InvocationOptions options);

    RunResults seed(InvocationOptions options);

    RunResults test(InvocationOptions options);

    RunResults build(InvocationOptions options);

    /** {@code snapshot}: runs the selected snapshots. */
    RunResults snapshot(InvocationOptions options);

    /**
     * {@code source freshness}: checks the selected sources (all by default) that have freshness criteria, and
     * writes {@code sources.json} to {@code output} (null: target/sources.json). Each result is PASS, WARN, ERROR
     * (stale past error_after) or RUNTIME_ERROR; {@link RunResults#failed()} is true, as dbt exits 1, when any is an
     * error of either kind.
     */
    RunResults freshness(InvocationOptions options, java.nio.file.Path output);

    /** Compiles the selection and writes compiled SQL under target/compiled; returns each node's compiled code. */
    Map<String, String> compile(InvocationOptions options);

    /** Compiles inline SQL (compile --inline) with the project's macros and refs. */
    String compileInline(InvocationOptions options, String sql);

    /** {@code ls}: one line per selected node in the requested format. */
    List<String> list(InvocationOptions options, ListOutput output, List<String> outputKeys);

    /** {@code show --select x} or {@code show --inline sql}; {@code inlineSql} null means the selection. */
    ShowResult show(InvocationOptions options, String inlineSql, int limit);

    /** {@code run-operation macro --args '{...}'}: runs the macro with the warehouse; returns its result as text. */
    String runOperation(InvocationOptions options, String macro, Map<String, Object> args);

    /** {@code deps}: installs packages.yml's packages; returns "name (source)" per installed package. */
    List<String> deps(InvocationOptions options, boolean upgrade);

    /** {@code clean}: removes the clean-targets; returns the paths removed. */
    List<String> clean(InvocationOptions options);

    DebugReport debug(InvocationOptions options);

    /**
     * {@code retry}: re-runs the previous invocation's command (run_results.json {@code args.which}, read from the
     * target path or from {@code --state}) over the nodes that errored, failed or were skipped, reusing its flags.
     * When nothing needs retrying, says so and returns empty results. Default: unsupported (for test doubles).
     */
    RunResults retry(InvocationOptions options);

    /**
     * {@code clone --state DIR}: for each selected model, seed and snapshot, a view in the current target over the
     * relation the state manifest recorded, unless the relation exists already (or with --full-refresh, always).
     * Default: unsupported (for test doubles).
     */
    RunResults clone(InvocationOptions options);

    /**
     * {@code docs generate}: compiles the selection (unless {@code --no-compile}), writes manifest.json, catalog.json
     * (read from the warehouse unless {@code --empty-catalog}) and the static docs site (index.html and docs/).
     */
    DocsResult docsGenerate(InvocationOptions options, DocsOptions docs);

    /**
     * {@code docs serve}: serves the site {@code docs generate} wrote under the target path on host:port (0: any free
     * port), answering lineage views with the CLI's selection syntax; returns the running server, which the caller
     * closes. Fails when the site has not been generated.
     */
    dev.sluice.core.docs.DocsServer docsServe(InvocationOptions options, String host, int port);
}
