package dev.sluice.cli.commands;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A command that only groups subcommands ({@code env}, {@code job}, {@code runs}): called alone it names the
 * subcommands to try, and it hands its subcommands the root command.
 */
abstract class CommandGroup implements Runnable, DeployCommandBase.Group {
    @ParentCommand
    SluiceCommand root;

    @Spec
    CommandSpec spec;

    /** The subcommands to suggest, e.g. {@code 'env list', 'env show NAME'}. */
    protected abstract String subcommands();

    @Override
    public SluiceCommand root() {
        return root;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: try " + subcommands());
    }
}
