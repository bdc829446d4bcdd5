package dev.sluice.core.packages;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;

/** Clones a git package with JGit and checks out a branch, tag or commit; returns the commit it landed on. */
final class GitFetcher {
    private GitFetcher() {
    }

    static String fetch(PackageSpec.Git spec, String revision, Path into) {
        try (Git git = Git.cloneRepository().setURI(spec.url()).setDirectory(into.toFile()).setCloneAllBranches(true)
                .call()) {
            if (revision != null && !revision.isBlank()) {
                ObjectId id = resolve(git, revision);
                if (id == null) {
                    throw new SluiceException(ErrorCode.CONFIG_INVALID, "package " + spec.url()
                            + ": no branch, tag or commit named '" + revision + "'");
                }
                git.checkout().setName(id.getName()).call();
            }
            ObjectId head = git.getRepository().resolve("HEAD");
            return head == null ? null : head.getName();
        } catch (GitAPIException | IOException e) {
            throw new SluiceException(ErrorCode.IO, "cannot clone package " + spec.url() + ": " + e.getMessage());
        }
    }

    private static ObjectId resolve(Git git, String revision) throws IOException {
        for (String candidate : new String[] {"refs/tags/" + revision + "^{commit}", "refs/remotes/origin/" + revision,
                revision}) {
            ObjectId id = git.getRepository().resolve(candidate);
            if (id != null) {
                return id;
            }
        }
        return null;
    }
}
