package dev.sluice.cli.commands;

import dev.sluice.core.api.InvocationOptions;
import dev.sluice.core.api.SluiceApi;
import dev.sluice.core.execute.RunResults;
import picocli.CommandLine.Command;

/** {@code sluice snapshot}. */
@Command(name = "snapshot", description = "Runs the snapshots in snapshots/, keeping the history of changing rows.",
        sortOptions = false)
final class SnapshotCommand extends ExecuteCommand {
    @Override
    protected RunResults execute(SluiceApi api, InvocationOptions options) {
        return api.snapshot(options);
    }
}
