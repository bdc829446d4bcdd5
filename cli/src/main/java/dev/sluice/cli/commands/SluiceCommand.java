package dev.sluice.cli.commands;

import dev.sluice.cli.CliContext;
import dev.sluice.cli.Version;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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
     * The subcommands, in the order the usage lists them, by class name with the name and aliases their
     * {@code @Command} gives (SubcommandsTest checks the two agree): naming them here lets the CLI load and reflect
     * over only the one typed.
     */
    public static final List<Subcommand> SUBCOMMANDS = List.of(
            new Subcommand("DebugCommand", "debug"), new Subcommand("ParseCommand", "parse"),
            new Subcommand("CompileCommand", "compile"), new Subcommand("RunCommand", "run"),
            new Subcommand("SeedCommand", "seed"), new Subcommand("TestCommand", "test"),
            new Subcommand("BuildCommand", "build"), new Subcommand("ListCommand", "ls", "list"),
            new Subcommand("ShowCommand", "show"), new Subcommand("RunOperationCommand", "run-operation"),
            new Subcommand("CleanCommand", "clean"), new Subcommand("SnapshotCommand", "snapshot"),
            new Subcommand("DepsCommand", "deps"), new Subcommand("RetryCommand", "retry"),
            new Subcommand("CloneCommand", "clone"), new Subcommand("SourceCommand", "source"),
            new Subcommand("EnvCommand", "env"), new Subcommand("JobGroup", "job"), new Subcommand("RunsGroup", "runs"),
            new Subcommand("GitCommands$Branch", "branch"), new Subcommand("GitCommands$Commit", "commit"),
            new Subcommand("GitCommands$Merge", "merge"), new Subcommand("DevCommand", "dev"),
            new Subcommand("SchedulerCommand", "scheduler"), new Subcommand("DemoCommand", "demo"),
            new Subcommand("DocsCommand", "docs"), new Subcommand("ServerCommands$Server", "server"),
            new Subcommand("ServerCommands$TokenGroup", "token"));

    /** A subcommand: its class in this package, and the words that call it. */
    public record Subcommand(String simpleName, String name, String... aliases) {
        public Class<?> type() {
            try {
                return Class.forName(SluiceCommand.class.getPackageName() + "." + simpleName);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("no command class " + simpleName, e);
            }
        }

        boolean calledBy(Set<String> words) {
            return words.contains(name) || Arrays.stream(aliases).anyMatch(words::contains);
        }
    }

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

    /**
     * The subcommands a command line can reach: those whose name or alias is one of {@code args}, or all of them when
     * none is (the usage, a mistyped command and its suggestions need them all). Building picocli's model of a
     * command reflects over its class, so building only the one typed saves most of the CLI's start-up.
     */
    public static List<Subcommand> subcommandsFor(String... args) {
        Set<String> words = Arrays.stream(args).collect(Collectors.toSet());
        List<Subcommand> named = SUBCOMMANDS.stream().filter(command -> command.calledBy(words)).toList();
        return named.isEmpty() ? SUBCOMMANDS : named;
    }

    /** {@code sluice} alone prints the usage, as dbt does. */
    @Override
    public void run() {
        spec.commandLine().usage(context.out());
    }
}
