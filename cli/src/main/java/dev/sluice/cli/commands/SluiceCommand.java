package dev.sluice.cli.commands;

import dev.sluice.cli.CliContext;
import dev.sluice.cli.Version;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sluice}: the root command. It holds the shared flags, which every subcommand inherits. */
@Command(name = "sluice", versionProvider = Version.Provider.class, sortOptions = false,
        description = "Builds and tests a dbt project on an embedded DuckDB (or another adapter).")
public final class SluiceCommand implements Runnable {
    /**
     * The subcommands, in the order help lists them. Not in {@code @Command(subcommands)}: picocli would build every
     * command's model by reflection on each start, when one invocation runs one command (see Cli#commandLine).
     */
    public static final List<Class<?>> COMMANDS = List.of(DebugCommand.class, ParseCommand.class,
            CompileCommand.class, RunCommand.class, SeedCommand.class, TestCommand.class, BuildCommand.class,
            ListCommand.class, ShowCommand.class, RunOperationCommand.class, CleanCommand.class, SnapshotCommand.class,
            DepsCommand.class, RetryCommand.class, CloneCommand.class, SourceCommand.class, EnvCommand.class,
            JobGroup.class, RunsGroup.class, GitCommands.Branch.class, GitCommands.Commit.class,
            GitCommands.Merge.class, DevCommand.class, SchedulerCommand.class, DemoCommand.class, DocsCommand.class,
            ServerCommands.Server.class, ServerCommands.TokenGroup.class);

    private final CliContext context;

    @Mixin
    SharedOptions shared;

    @Option(names = "--version", versionHelp = true, description = "Print the version and exit.")
    boolean version;

    @Spec
    CommandSpec spec;

    public SluiceCommand(CliContext context) {
        this.context = context;
    }

    public CliContext context() {
        return context;
    }

    public SharedOptions shared() {
        return shared;
    }

    /** The command line as typed, for the log file. */
    public String originalArgs() {
        var parsed = spec.commandLine().getParseResult();
        return parsed == null ? "" : String.join(" ", parsed.originalArgs());
    }

    /** {@code sluice} alone prints the usage, as dbt does. */
    @Override
    public void run() {
        spec.commandLine().usage(context.out());
    }
}
