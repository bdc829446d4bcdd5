package dev.sluice.cli.commands;

import dev.sluice.cli.ApiFactory;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.deploy.DeployException;
import dev.sluice.deploy.demo.Demo;
import dev.sluice.deploy.model.RunStatus;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sluice demo [DIR]}: the quickstart, the deployment walk-through end to end in a new folder. */
@Command(name = "demo", description = "Quickstart: in a new folder (default ./sluice-demo), a git repository with the"
        + " formula1 project goes from a feature branch in a dev schema to a Production Job run into schema"
        + " 'production', then prints the run history and the production relations.")
final class DemoCommand implements Callable<Integer> {
    @ParentCommand
    SluiceCommand root;

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "An empty or new folder (default: sluice-demo).")
    String dir;

    @Override
    public Integer call() {
        var ctx = root.context();
        Path target = ctx.cwd().resolve(dir == null ? "sluice-demo" : dir).normalize();
        try {
            Demo.Result result = new Demo(target, ctx.out(), ctx.env(), ApiFactory::adapters, ctx.zone()).run();
            return result.status() == RunStatus.SUCCESS ? 0 : 1;
        } catch (DeployException e) {
            ctx.err().println("Error: " + e.getMessage());
            return 2;
        } catch (SluiceException e) {
            ctx.err().println("Error: " + e.describe());
            return e.code().exitCode();
        } catch (java.io.IOException e) {
            ctx.err().println("Error: " + e);
            return 2;
        }
    }
}
