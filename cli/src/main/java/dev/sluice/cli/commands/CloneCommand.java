package dev.sluice.cli.commands;

import dev.sluice.core.api.InvocationOptions;
import dev.sluice.core.api.SluiceApi;
import dev.sluice.core.execute.RunResults;
import picocli.CommandLine.Command;

/** {@code sluice clone}. */
@Command(name = "clone", description = "Creates the selected relations of the --state run here, as views over them.", sortOptions = false)
final class CloneCommand extends ExecuteCommand {
    @Override
    protected RunResults execute(SluiceApi api, InvocationOptions options) {
        return api.clone(options);
    }
}
