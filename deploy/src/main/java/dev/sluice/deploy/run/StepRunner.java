package dev.sluice.deploy.run;

import dev.sluice.core.api.InvocationOptions;
import dev.sluice.core.api.ListOutput;
import dev.sluice.core.api.Sluice;
import dev.sluice.core.api.SluiceApi;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.execute.RunResults;
import dev.sluice.core.project.EnvVars;
import dev.sluice.deploy.command.JobCommand;
import dev.sluice.deploy.model.StepStatus;
import dev.sluice.spi.AdapterFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Runs one step's command in-process through the engine ({@link SluiceApi}), its events going to the step's log. */
final class StepRunner {

    /** How a step ended: success, error or skipped, and a one-line reason for anything but success. */
    record Outcome(StepStatus status, String message) {
    }

    /** Everything about the run a step needs. */
    record Context(Path projectDir, ProfileWriter.Written profile, Path targetDir, Path logDir, Integer threads,
                   Path deferState, Map<String, String> env, Supplier<List<AdapterFactory>> adapters,
                   DocsGenerator docs) {
    }

    private StepRunner() {
    }

    static Outcome run(String line, Context ctx, StepLog log, CancelHandle cancel) {
        JobCommand command = JobCommand.parse(line);
        InvocationOptions.Builder builder = InvocationOptions.builder(ctx.projectDir())
                .profilesDir(ctx.profile().profilesDir()).profile(ctx.profile().profile())
                .target(ctx.profile().target()).targetPath(ctx.targetDir()).logPath(ctx.logDir())
                .threads(ctx.threads());
        command.apply(builder);
        if (ctx.deferState() != null && command.defers()) {
            builder.statePath(ctx.deferState()).defer(true);
        }
        InvocationOptions options = builder.build();
        List<AdapterFactory> factories = cancel.wrap(ctx.adapters().get());
        SluiceApi api = new Sluice(log, new EnvVars(ctx.env()), () -> factories);
        log.info("Running `" + line + "`");
        try {
            return switch (command.name()) {
                case "build" -> results(api.build(options));
                case "run" -> results(api.run(options));
                case "seed" -> results(api.seed(options));
                case "test" -> results(api.test(options));
                case "snapshot" -> results(api.snapshot(options));
                case "source freshness" -> results(api.freshness(options, null));
                case "compile" -> {
                    int n = api.compile(options).size();
                    log.info("Compiled " + n + " nodes.");
                    yield new Outcome(StepStatus.SUCCESS, null);
                }
                case "parse" -> {
                    log.info("Parsed " + api.parse(options) + " nodes.");
                    yield new Outcome(StepStatus.SUCCESS, null);
                }
                case "ls" -> {
                    api.list(options, ListOutput.SELECTOR, List.of()).forEach(log::info);
                    yield new Outcome(StepStatus.SUCCESS, null);
                }
                case "deps" -> {
                    api.deps(options, false).forEach(p -> log.info("Installed " + p));
                    yield new Outcome(StepStatus.SUCCESS, null);
                }
                case "run-operation" -> {
                    String result = api.runOperation(options, command.argument(), command.macroArgs());
                    if (result != null && !result.isBlank()) {
                        log.info(result);
                    }
                    yield new Outcome(StepStatus.SUCCESS, null);
                }
                case "docs generate" -> {
                    String skipped = ctx.docs().generate(api, options);
                    if (skipped != null) {
                        log.info(skipped);
                        yield new Outcome(StepStatus.SKIPPED, skipped);
                    }
                    yield new Outcome(StepStatus.SUCCESS, null);
                }
                default -> throw new IllegalStateException("no step runner for " + command.name());
            };
        } catch (SluiceException e) {
            log.error("Encountered an error:\n" + e.describe());
            return new Outcome(StepStatus.ERROR, firstLine(e.getMessage()));
        }
    }

    private static Outcome results(RunResults results) {
        if (!results.failed()) {
            return new Outcome(StepStatus.SUCCESS, null);
        }
        long errors = results.count(NodeStatus.ERROR) + results.count(NodeStatus.RUNTIME_ERROR);
        long failures = results.count(NodeStatus.FAIL);
        return new Outcome(StepStatus.ERROR, errors + " error(s), " + failures + " failing test(s), "
                + results.count(NodeStatus.SKIPPED) + " skipped");
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "failed";
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
