package dev.sluice.cli.commands;

import dev.sluice.core.api.InvocationOptions;
import dev.sluice.core.api.SluiceApi;
import dev.sluice.core.execute.RunResults;
import picocli.CommandLine.Command;

/** {@code sluice retry}. */
@Command(name = "retry", description = "Re-runs the nodes that failed or were skipped in the last run, with its command and flags.", sortOptions = false)
final class RetryCommand extends ExecuteCommand {
    @Override
    protected RunResults execute(SluiceApi api, InvocationOptions options) {
        return api.retry(options);
    }
}
