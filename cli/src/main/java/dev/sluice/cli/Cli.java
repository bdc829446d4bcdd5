package dev.sluice.cli;

import dev.sluice.cli.commands.FastModel;
import dev.sluice.cli.commands.SluiceCommand;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * The command line: parses {@code args} with picocli, runs the command and returns the exit code (0 success, 1 when
 * nodes failed, 2 when the command could not run or its flags were wrong). Holds no static state.
 */
public final class Cli {
    private final CliContext context;

    public Cli(ApiFactory apis, Map<String, String> env, Path cwd, PrintStream out, PrintStream err,
               Terminal terminal) {
        this(new CliContext(apis, env, cwd, out, err, terminal, ZoneId::systemDefault));
    }

    public Cli(CliContext context) {
        this.context = context;
    }

    /** The whole command line, every subcommand included. */
    public CommandLine commandLine() {
        return commandLine(SluiceCommand.SUBCOMMANDS);
    }

    private CommandLine commandLine(List<SluiceCommand.Subcommand> subcommands) {
        CommandLine cl = new CommandLine(new SluiceCommand(context));
        subcommands.forEach(command -> cl.addSubcommand(command.type()));
        return configured(cl);
    }

    /** The settings every command line gets, from the annotations or from {@link FastModel}. */
    private CommandLine configured(CommandLine cl) {
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOut(new PrintWriter(context.out(), true));
        cl.setErr(new PrintWriter(context.err(), true));
        cl.setParameterExceptionHandler(Cli::usageError);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            // commands report their own errors; reaching here is a bug in the CLI itself
            cmd.getErr().println("Internal error (a bug in Sluice): " + e);
            e.printStackTrace(cmd.getErr());
            return 2;
        });
        return cl;
    }

    public int execute(String... args) {
        if (args.length == 1 && args[0].equals("--version")) {
            // what picocli prints for the root's versionHelp option, without loading picocli (whose Java 5 class
            // files the JVM verifies the slow way, and cannot keep in a class-data archive)
            for (String line : new Version.Provider().getVersion()) {
                context.out().println(line);
            }
            context.out().flush();
            return 0;
        }
        CommandLine fast = FastModel.forArgs(context, args);
        if (fast != null) {
            configured(fast);
            try {
                // a trial: what it cannot parse, the annotated model parses and explains. (A parameter-exception
                // handler cannot signal that instead: picocli catches what it throws and prints it.) The second parse,
                // in execute, costs well under a millisecond.
                fast.parseArgs(args);
                return fast.execute(args);
            } catch (CommandLine.ParameterException e) {
                // fall through
            }
        }
        return commandLine(SluiceCommand.subcommandsFor(args)).execute(args);
    }

    /** Wrong flags: a short usage hint and the error, exit 2 (as dbt's click does). */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("Usage: " + cmd.getCommandSpec().qualifiedName() + " [OPTIONS]"
                + (cmd.getSubcommands().isEmpty() ? "" : " COMMAND [ARGS]..."));
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " -h' for help.");
        err.println();
        err.println("Error: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.flush();
        return 2;
    }
}
