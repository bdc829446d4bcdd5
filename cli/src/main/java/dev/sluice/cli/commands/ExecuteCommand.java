package dev.sluice.cli.commands;

import dev.sluice.core.api.InvocationOptions;
import dev.sluice.core.api.SluiceApi;
import dev.sluice.core.execute.RunResults;

/** run, seed, test, build: execute the selection, print the summary, exit 1 when a node errored or a test failed. */
abstract class ExecuteCommand extends CommandBase {

    protected abstract RunResults execute(SluiceApi api, InvocationOptions options);

    @Override
    protected final int execute(Session session) {
        RunResults results = execute(session.api(), session.options());
        session.printer().summary(results);
        return results.failed() ? 1 : 0;
    }
}
