package dev.sluice.cli.commands;

import dev.sluice.core.api.InvocationOptions;
import dev.sluice.core.api.SluiceApi;
import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.execute.RunResults;
import dev.sluice.deploy.Deploy;
import dev.sluice.deploy.DeployException;
import dev.sluice.deploy.Development;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code sluice dev <command> [flags]}: a development build. The command runs in your working copy as it would
 * alone, but with the development environment's connection and into the schema your current git branch decides
 * ({@code <prefix>_<branch>}, e.g. dev_feature_x), so branches never share a schema and never touch production.
 */
@Command(name = "dev", description = "Runs build, run, seed, test, snapshot or compile on your current branch's"
        + " development schema (dev_<branch>), e.g. `sluice dev build --select marts`.", sortOptions = false)
final class DevCommand extends CommandBase {
    @Parameters(index = "0", paramLabel = "COMMAND", description = "build, run, seed, test, snapshot or compile.")
    String command;

    @Override
    protected int execute(Session session) {
        InvocationOptions base = session.options();
        Development.Target target;
        try (Deploy deploy = Deploy.open(DeployCommandBase.config(
                ((SluiceCommand) parent).context(), base.projectDir()))) {
            target = deploy.development().target(base.projectDir());
        } catch (DeployException e) {
            throw new SluiceException(ErrorCode.CONFIG_INVALID, e.getMessage());
        }
        session.reporter().info("DevTarget", "Development build on branch " + target.branch() + " into schema "
                + target.schema());
        InvocationOptions options = base.toBuilder().profilesDir(target.profile().profilesDir())
                .profile(target.profile().profile()).target(target.profile().target()).build();
        SluiceApi api = session.api();
        RunResults results = switch (command) {
            case "build" -> api.build(options);
            case "run" -> api.run(options);
            case "seed" -> api.seed(options);
            case "test" -> api.test(options);
            case "snapshot" -> api.snapshot(options);
            case "compile" -> {
                api.compile(options);
                yield null;
            }
            default -> throw new SluiceException(ErrorCode.CONFIG_INVALID, "sluice dev runs build, run, seed, test,"
                    + " snapshot or compile, not '" + command + "'");
        };
        if (results == null) {
            return 0;
        }
        session.printer().summary(results);
        return results.failed() ? 1 : 0;
    }
}
