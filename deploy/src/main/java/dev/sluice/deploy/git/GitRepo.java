package dev.sluice.deploy.git;

import dev.sluice.deploy.DeployException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/**
 * The development flow on a developer's working copy (JGit, no git binary needed): create a branch, commit all
 * changes (and push them when the repository has a remote {@code origin}), merge the branch into main.
 */
public final class GitRepo implements AutoCloseable {
    private final Git git;
    private final Map<String, String> env;

    private GitRepo(Git git, Map<String, String> env) {
        this.git = git;
        this.env = env;
    }

    /** The repository holding {@code dir} (it or a parent has .git). */
    public static GitRepo open(Path dir, Map<String, String> env) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(dir.toFile());
        if (builder.getGitDir() == null) {
            throw new DeployException("'" + dir + "' is not inside a git repository. Run `git init` there (or"
                    + " `sluice demo` for a ready-made one).");
        }
        try {
            return new GitRepo(new Git(builder.build()), env);
        } catch (IOException e) {
            throw new DeployException("cannot open the git repository at " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A new repository in {@code dir} whose first branch is {@code main}. */
    public static GitRepo init(Path dir, Map<String, String> env) {
        try {
            return new GitRepo(Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call(), env);
        } catch (GitAPIException e) {
            throw new DeployException("git init in " + dir + " failed: " + e.getMessage(), e);
        }
    }

    /** Whether {@code dir} is inside a git working copy. */
    public static boolean isInside(Path dir) {
        return new FileRepositoryBuilder().findGitDir(dir.toFile()).getGitDir() != null;
    }

    public Path root() {
        return git.getRepository().getWorkTree().toPath();
    }

    public String currentBranch() {
        try {
            return git.getRepository().getBranch();
        } catch (IOException e) {
            throw new DeployException("cannot read the current branch: " + e.getMessage(), e);
        }
    }

    public List<String> branches() {
        try {
            return git.branchList().call().stream().map(r -> Repository.shortenRefName(r.getName())).toList();
        } catch (GitAPIException e) {
            throw new DeployException("cannot list branches: " + e.getMessage(), e);
        }
    }

    /** Creates {@code name} at the current commit and checks it out. */
    public void createBranch(String name) {
        try {
            if (git.getRepository().findRef("refs/heads/" + name) != null) {
                throw new DeployException("Branch '" + name + "' exists already; `sluice branch --checkout " + name
                        + "` switches to it.");
            }
            if (git.getRepository().resolve("HEAD") == null) {
                throw new DeployException("The repository has no commit yet: commit once on main first.");
            }
            git.checkout().setCreateBranch(true).setName(name).call();
        } catch (GitAPIException | IOException e) {
            throw new DeployException("cannot create branch '" + name + "': " + e.getMessage(), e);
        }
    }

    public void checkout(String name) {
        try {
            git.checkout().setName(name).call();
        } catch (GitAPIException e) {
            throw new DeployException("cannot check out '" + name + "': " + e.getMessage(), e);
        }
    }

    public boolean hasChanges() {
        try {
            Status status = git.status().call();
            return !status.isClean();
        } catch (GitAPIException e) {
            throw new DeployException("git status failed: " + e.getMessage(), e);
        }
    }

    /** Commits every change of the working copy (new, changed and deleted files); empty when there was none. */
    public Optional<String> commitAll(String message) {
        if (message == null || message.isBlank()) {
            throw new DeployException("A commit needs a message (-m \"...\").");
        }
        try {
            if (!hasChanges()) {
                return Optional.empty();
            }
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            PersonIdent who = identity();
            RevCommit commit = git.commit().setMessage(message).setAuthor(who).setCommitter(who).call();
            return Optional.of(commit.getName());
        } catch (GitAPIException e) {
            throw new DeployException("git commit failed: " + e.getMessage(), e);
        }
    }

    /** Pushes the branch to {@code origin} when the repository has that remote; returns what happened, or empty. */
    public Optional<String> pushIfRemote(String branch) {
        if (git.getRepository().getConfig().getString("remote", "origin", "url") == null) {
            return Optional.empty();
        }
        try {
            Iterable<PushResult> results = git.push().setRemote("origin").add(branch).call();
            for (PushResult result : results) {
                for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                    if (update.getStatus() != RemoteRefUpdate.Status.OK
                            && update.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE) {
                        throw new DeployException("push of " + branch + " to origin was refused: "
                                + update.getStatus() + (update.getMessage() == null ? "" : " " + update.getMessage()));
                    }
                }
            }
            return Optional.of("pushed " + branch + " to origin");
        } catch (GitAPIException e) {
            throw new DeployException("git push to origin failed: " + e.getMessage(), e);
        }
    }

    /**
     * Merges {@code branch} into {@code into} (fast-forward when possible, else a merge commit), leaving {@code into}
     * checked out. A conflict leaves everything as it was and says which files conflict.
     */
    public String merge(String branch, String into) {
        try {
            if (hasChanges()) {
                throw new DeployException("There are uncommitted changes on " + currentBranch()
                        + "; commit them first (`sluice commit -m \"...\"`).");
            }
            ObjectId tip = git.getRepository().resolve("refs/heads/" + branch);
            if (tip == null) {
                throw new DeployException("No branch named '" + branch + "'.");
            }
            git.checkout().setName(into).call();
            ObjectId before = git.getRepository().resolve("HEAD");
            PersonIdent who = identity();
            MergeResult result = git.merge().include(tip).setCommit(true)
                    .setMessage("Merge branch '" + branch + "' into " + into).call();
            if (!result.getMergeStatus().isSuccessful()) {
                git.reset().setMode(ResetCommand.ResetType.HARD).setRef(before.getName()).call();
                git.checkout().setName(branch).call();
                throw new DeployException("Merging " + branch + " into " + into + " conflicts in "
                        + (result.getConflicts() == null ? "some files" : result.getConflicts().keySet())
                        + "; nothing was merged. Resolve it on " + branch + " and merge again.");
            }
            ObjectId head = git.getRepository().resolve("HEAD");
            if (result.getMergeStatus() == MergeResult.MergeStatus.MERGED) {
                // JGit's merge commit carries the default identity: re-stamp author and committer as the user.
                RevCommit merged = git.getRepository().parseCommit(head);
                git.commit().setAmend(true).setMessage(merged.getFullMessage()).setAuthor(who).setCommitter(who)
                        .call();
                head = git.getRepository().resolve("HEAD");
            }
            return head.getName();
        } catch (GitAPIException | IOException e) {
            throw new DeployException("merge of " + branch + " into " + into + " failed: " + e.getMessage(), e);
        }
    }

    /** The commit a branch points at, or null when there is no such branch. */
    public String head(String branch) {
        try {
            Ref ref = git.getRepository().findRef("refs/heads/" + branch);
            return ref == null ? null : ref.getObjectId().getName();
        } catch (IOException e) {
            throw new DeployException("cannot read branch " + branch + ": " + e.getMessage(), e);
        }
    }

    private PersonIdent identity() {
        var config = git.getRepository().getConfig();
        String name = first(config.getString("user", null, "name"), env.get("GIT_AUTHOR_NAME"), env.get("USER"),
                "Sluice");
        String email = first(config.getString("user", null, "email"), env.get("GIT_AUTHOR_EMAIL"),
                "sluice@localhost");
        return new PersonIdent(name, email);
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    @Override
    public void close() {
        git.getRepository().close();
        git.close();
    }
}
