package dev.sluice.cli.commands;

import dev.sluice.core.api.InvocationOptions;
import dev.sluice.core.api.SluiceApi;
import dev.sluice.core.execute.RunResults;
import picocli.CommandLine.Command;

/** {@code sluice seed}. */
@Command(name = "seed", description = "Loads the CSV files in seeds/ into the warehouse.", sortOptions = false)
final class SeedCommand extends ExecuteCommand {
    @Override
    protected RunResults execute(SluiceApi api, InvocationOptions options) {
        return api.seed(options);
    }
}
