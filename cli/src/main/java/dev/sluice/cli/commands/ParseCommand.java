package dev.sluice.cli.commands;

import picocli.CommandLine.Command;

/** {@code sluice parse}: reads the project and writes target/manifest.json. */
@Command(name = "parse", description = "Parses the project and writes target/manifest.json.", sortOptions = false)
final class ParseCommand extends CommandBase {
    @Override
    protected int execute(Session session) {
        int nodes = session.api().parse(session.options());
        session.reporter().debug("ParseCmdOut", "Parsed " + nodes + " nodes");
        return 0;
    }
}
