package dev.sluice.deploy.git;

import dev.sluice.deploy.DeployException;
import java.nio.file.Path;
import java.util.Collection;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Ref;

/** Git as a deployment run uses it: what a branch points at now, and a fresh checkout of one commit. */
public final class Workspace {
    private Workspace() {
    }

    /** The commit {@code branch} points at in the repository (a local path or a URL). */
    public static String resolveBranch(String repository, String branch) {
        try {
            Collection<Ref> refs = Git.lsRemoteRepository().setRemote(repository).setHeads(true).call();
            return refs.stream().filter(r -> r.getName().equals("refs/heads/" + branch)).findFirst()
                    .map(r -> r.getObjectId().getName())
                    .orElseThrow(() -> new DeployException("Branch '" + branch + "' does not exist in " + repository
                            + "."));
        } catch (GitAPIException e) {
            throw new DeployException("cannot read branches of " + repository + ": " + e.getMessage(), e);
        }
    }

    /** Clones the repository into {@code dir} (which must not exist or be empty) and checks out {@code sha}. */
    public static void checkout(String repository, String sha, Path dir) {
        try (Git git = Git.cloneRepository().setURI(repository).setDirectory(dir.toFile()).setNoCheckout(true)
                .setCloneAllBranches(true).call()) {
            git.checkout().setName(sha).call();
        } catch (GitAPIException e) {
            throw new DeployException("cannot check out " + sha + " of " + repository + ": " + e.getMessage(), e);
        }
    }
}
