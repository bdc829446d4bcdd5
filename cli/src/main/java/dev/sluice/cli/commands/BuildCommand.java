package dev.sluice.cli.commands;

import dev.sluice.core.api.InvocationOptions;
import dev.sluice.core.api.SluiceApi;
import dev.sluice.core.execute.RunResults;
import picocli.CommandLine.Command;

/** {@code sluice build}. */
@Command(name = "build", description = "Seeds, runs, snapshots and tests the selection in DAG order.", sortOptions = false)
final class BuildCommand extends ExecuteCommand {
    @Override
    protected RunResults execute(SluiceApi api, InvocationOptions options) {
        return api.build(options);
    }
}
