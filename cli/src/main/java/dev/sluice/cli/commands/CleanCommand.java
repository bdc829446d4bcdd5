package dev.sluice.cli.commands;

import picocli.CommandLine.Command;

/** {@code sluice clean}: deletes the project's clean-targets. */
@Command(name = "clean", description = "Deletes the folders listed in clean-targets (target/ by default).",
        sortOptions = false)
final class CleanCommand extends CommandBase {
    @Override
    protected int execute(Session session) {
        for (String path : session.api().clean(session.options())) {
            session.reporter().info("ConfirmCleanPath", "Cleaned " + path);
        }
        session.reporter().info("FinishedCleanPaths", "Finished cleaning all paths.");
        return 0;
    }
}
