package dev.sluice.cli.commands;

import dev.sluice.deploy.Deploy;
import dev.sluice.deploy.git.DevSchema;
import dev.sluice.deploy.git.GitRepo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The development flow on the working copy: {@code sluice branch}, {@code sluice commit}, {@code sluice merge}. */
final class GitCommands {
    private GitCommands() {
    }

    @Command(name = "branch", description = "Without a name: lists branches (* marks the current one). With a name:"
            + " creates that branch here and switches to it; your development builds then go to its own schema.")
    static final class Branch extends DeployCommandBase {
        @Parameters(paramLabel = "NAME", arity = "0..1")
        String name;

        @Option(names = "--checkout", paramLabel = "NAME", description = "Switch to an existing branch.")
        String checkout;

        @Override
        protected boolean usesStore() {
            return false;
        }

        @Override
        protected int run(Deploy none) {
            try (GitRepo repo = GitRepo.open(projectDir(), ctx().env())) {
                if (checkout != null) {
                    repo.checkout(checkout);
                } else if (name != null) {
                    repo.createBranch(name);
                } else {
                    String current = repo.currentBranch();
                    repo.branches().forEach(b -> out().println((b.equals(current) ? "* " : "  ") + b));
                    return 0;
                }
                String branch = repo.currentBranch();
                out().println("On branch " + branch + "; development builds (`sluice dev build`) go to schema "
                        + DevSchema.of(null, branch) + " (with the default prefix 'dev').");
                return 0;
            }
        }
    }

    @Command(name = "commit", description = "`sluice commit \"message\"`: commits every change of the working copy on the current branch, and"
            + " pushes it when the repository has a remote 'origin'.")
    static final class Commit extends DeployCommandBase {
        @Parameters(paramLabel = "MESSAGE", arity = "0..1", description = "The commit message.")
        String positional;

        @Option(names = "--message", description = "The commit message (or give it as the argument).")
        String message;

        @Override
        protected boolean usesStore() {
            return false;
        }

        @Override
        protected int run(Deploy none) {
            try (GitRepo repo = GitRepo.open(projectDir(), ctx().env())) {
                String branch = repo.currentBranch();
                String text = message != null ? message : positional;
                var sha = repo.commitAll(text);
                if (sha.isEmpty()) {
                    out().println("Nothing to commit on " + branch + ".");
                    return 0;
                }
                out().println("Committed " + sha.get().substring(0, 7) + " on " + branch + ": " + text);
                repo.pushIfRemote(branch).ifPresent(out()::println);
                return 0;
            }
        }
    }

    @Command(name = "merge", description = "Merges a branch (default: the current one) into main and switches to"
            + " main; a deployment job watching main then runs on the new commit.")
    static final class Merge extends DeployCommandBase {
        @Parameters(paramLabel = "BRANCH", arity = "0..1")
        String branch;

        @Option(names = "--into", defaultValue = "main", description = "The branch to merge into (default main).")
        String into;

        @Override
        protected boolean usesStore() {
            return false;
        }

        @Override
        protected int run(Deploy none) {
            try (GitRepo repo = GitRepo.open(projectDir(), ctx().env())) {
                String from = branch != null ? branch : repo.currentBranch();
                if (from.equals(into)) {
                    throw new dev.sluice.deploy.DeployException("You are on " + into + "; name the branch to merge"
                            + " (`sluice merge feature/x`).");
                }
                String sha = repo.merge(from, into);
                out().println("Merged " + from + " into " + into + " (" + sha.substring(0, 7) + "); now on " + into
                        + ".");
                repo.pushIfRemote(into).ifPresent(out()::println);
                return 0;
            }
        }
    }
}
