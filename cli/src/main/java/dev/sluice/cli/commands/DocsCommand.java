package dev.sluice.cli.commands;

import picocli.CommandLine.Command;

/** {@code sluice docs}: {@code docs generate} and {@code docs serve}. */
@Command(name = "docs", description = "Generates and serves the project's documentation site.", sortOptions = false,
        subcommands = {DocsGenerateCommand.class, DocsServeCommand.class})
final class DocsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    SluiceCommand root;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "Missing command: try 'docs generate' or 'docs serve'");
    }
}
