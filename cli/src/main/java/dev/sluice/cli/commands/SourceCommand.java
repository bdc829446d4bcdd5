package dev.sluice.cli.commands;

import picocli.CommandLine.Command;

/** {@code sluice source}: commands about sources; today {@code source freshness}. */
@Command(name = "source", description = "Commands about the project's sources.", sortOptions = false,
        subcommands = {FreshnessCommand.class})
final class SourceCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    SluiceCommand root;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'source freshness'");
    }
}
