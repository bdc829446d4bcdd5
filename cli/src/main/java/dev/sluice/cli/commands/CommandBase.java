package dev.sluice.cli.commands;

import dev.sluice.cli.CliContext;
import dev.sluice.cli.Version;
import dev.sluice.cli.output.EventPrinter;
import dev.sluice.cli.output.LogFile;
import dev.sluice.cli.output.LogRecord;
import dev.sluice.cli.output.Reporter;
import dev.sluice.cli.output.Styled;
import dev.sluice.core.api.InvocationOptions;
import dev.sluice.core.api.SluiceApi;
import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.events.Event.Level;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Every command's frame: open the reporter and dbt.log, print "Running with sluice=...", build the request, call the
 * engine, and turn what escapes into dbt's exit codes (0 success, 1 nodes failed, 2 could not run).
 */
abstract class CommandBase implements Callable<Integer> {

    /** The command above this one: the root, or a group such as {@code source} or {@code docs}. */
    @ParentCommand
    Object parent;

    @Spec
    CommandSpec spec;

    private SluiceCommand root() {
        if (parent instanceof SourceCommand group) {
            return group.root;
        }
        return parent instanceof DocsCommand docs ? docs.root : (SluiceCommand) parent;
    }

    /** The command's work; returns the exit code. */
    protected abstract int execute(Session session);

    /** True when stdout must carry only the command's own output (--output json). */
    protected boolean commandOutputOnly() {
        return false;
    }

    @Override
    public final Integer call() {
        SluiceCommand root = root();
        CliContext ctx = root.context();
        SharedOptions shared = root.shared();
        String invocationId = UUID.randomUUID().toString();
        Path logFile = shared.logFile(ctx);
        Reporter reporter = new Reporter(shared.console(ctx, commandOutputOnly()), ctx.out(), ctx.err(),
                logFile == null ? null : LogFile.open(logFile), invocationId, ctx.zone());
        try {
            reporter.info("MainReportVersion", "Running with sluice=" + Version.current());
            reporter.debug("MainReportArgs", "running sluice with arguments " + root.originalArgs());
            InvocationOptions options = shared.toOptions(ctx);
            EventPrinter printer = new EventPrinter(reporter);
            SluiceApi api = ctx.apis().create(printer);
            int code = execute(new Session(options, api, reporter, printer));
            reporter.debug("CommandCompleted", "Command `sluice " + spec.name() + "` "
                    + (code == 0 ? "succeeded" : "failed") + " at " + java.time.LocalTime.now());
            return code;
        } catch (SluiceException e) {
            reporter.error("MainEncounteredError", Styled.of("Encountered an error:\n" + e.describe(),
                    Styled.Color.RED), Map.of("exc", e.describe(), "code", e.code().name()));
            if (e.code().category() == ErrorCode.Category.INTERNAL || shared.debug()) {
                reporter.stackTrace(e);
            }
            return e.code().exitCode();
        } catch (RuntimeException | LinkageError | StackOverflowError | OutOfMemoryError e) {
            String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
            reporter.emit(LogRecord.of(Level.ERROR, "MainStackTrace", Styled.of(
                    "Internal error (a bug in Sluice): " + message, Styled.Color.RED),
                    Map.of("exc", e.getClass().getName() + ": " + message)));
            reporter.stackTrace(e);
            return 2;
        } finally {
            reporter.close();
        }
    }
}
