package dev.sluice.cli.commands;

import dev.sluice.core.api.InvocationOptions;
import dev.sluice.core.api.SluiceApi;
import dev.sluice.core.execute.RunResults;
import picocli.CommandLine.Command;

/** {@code sluice test}. */
@Command(name = "test", description = "Runs the data and unit tests of the selected nodes.", sortOptions = false)
final class TestCommand extends ExecuteCommand {
    @Override
    protected RunResults execute(SluiceApi api, InvocationOptions options) {
        return api.test(options);
    }
}
