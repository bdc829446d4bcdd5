package dev.sluice.cli.commands;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sluice deps}: installs the packages in packages.yml (or dependencies.yml). */
@Command(name = "deps", description = "Installs the packages listed in packages.yml into dbt_packages/.",
        sortOptions = false)
final class DepsCommand extends CommandBase {
    @Option(names = "--upgrade", description = "Ignore package-lock.yml and fetch the newest matching revisions.")
    boolean upgrade;

    @Override
    protected int execute(Session session) {
        java.util.List<String> installed = session.api().deps(session.options(), upgrade);
        session.reporter().info("DepsSummary", "Installed " + installed.size() + " package"
                + (installed.size() == 1 ? "" : "s") + (installed.isEmpty() ? "" : ": " + String.join(", ", installed)));
        return 0;
    }
}
