package dev.sluice.cli.commands;

import dev.sluice.cli.ApiFactory;
import dev.sluice.cli.CliContext;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.deploy.Deploy;
import dev.sluice.deploy.DeployConfig;
import dev.sluice.deploy.DeployException;
import dev.sluice.deploy.Reports;
import dev.sluice.deploy.git.GitRepo;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The frame of the deploy commands (env, job, runs, branch, commit, merge, scheduler, demo, dev): find the Sluice
 * home (the git working copy holding the project, else the project folder), open its store under {@code .sluice/},
 * run the command, and print a {@link DeployException} as one line, exit 2.
 */
abstract class DeployCommandBase implements Callable<Integer> {

    /** A command group (env, job, runs) that hands its subcommands the root. */
    interface Group {
        SluiceCommand root();
    }

    @ParentCommand
    Object parent;

    @Spec
    CommandSpec spec;

    SluiceCommand root() {
        return parent instanceof SluiceCommand s ? s : ((Group) parent).root();
    }

    CliContext ctx() {
        return root().context();
    }

    PrintStream out() {
        return ctx().out();
    }

    void print(List<String> lines) {
        lines.forEach(out()::println);
    }

    /** The project folder: --project-dir, DBT_PROJECT_DIR or the current directory. */
    Path projectDir() {
        return root().shared().projectDir(ctx());
    }

    /** The folder holding .sluice: the root of the git working copy around the project, else the project. */
    static Path home(CliContext ctx, Path project) {
        if (GitRepo.isInside(project)) {
            try (GitRepo repo = GitRepo.open(project, ctx.env())) {
                return repo.root().toAbsolutePath().normalize();
            }
        }
        return project.toAbsolutePath().normalize();
    }

    DeployConfig config() {
        return config(ctx(), projectDir());
    }

    /**
     * The deploy process of a CLI call: the home around the project, its store in {@code .sluice/} (or
     * SLUICE_DATA_DIR), the home's repository, the project's folder inside it, the process environment.
     */
    static DeployConfig config(CliContext ctx, Path projectDir) {
        Path home = home(ctx, projectDir);
        Path project = projectDir.toAbsolutePath().normalize();
        String subdir = project.startsWith(home) ? home.relativize(project).toString() : "";
        String data = ctx.env().get("SLUICE_DATA_DIR");
        return DeployConfig.builder(home).projectSubdir(subdir).baseEnv(ctx.env()).adapters(ApiFactory::adapters)
                .dataDir(data == null || data.isBlank() ? null : ctx.cwd().resolve(data)).build();
    }

    Reports reports(Deploy deploy) {
        return new Reports(deploy, ctx().zone());
    }

    /** The command's work with the store open (null when {@link #usesStore} is false); returns the exit code. */
    protected abstract int run(Deploy deploy) throws Exception;

    /** Git commands work without the store. */
    protected boolean usesStore() {
        return true;
    }

    @Override
    public final Integer call() {
        try (Deploy deploy = usesStore() ? Deploy.open(config()) : null) {
            return run(deploy);
        } catch (DeployException e) {
            ctx().err().println("Error: " + e.getMessage());
            return 2;
        } catch (SluiceException e) {
            ctx().err().println("Error: " + e.describe());
            return e.code().exitCode();
        } catch (Exception e) {
            ctx().err().println("Internal error (a bug in Sluice): " + e);
            e.printStackTrace(ctx().err());
            return 2;
        }
    }
}
