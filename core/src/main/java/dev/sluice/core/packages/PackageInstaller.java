package dev.sluice.core.packages;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.errors.SourceLocation;
import dev.sluice.core.project.ProjectLoader;
import dev.sluice.core.project.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code deps}: installs a project's packages, and theirs, into the packages-install-path. Local packages are linked
 * (copied where links are not possible); git packages are cloned with JGit at the locked or requested revision. The
 * result is recorded in package-lock.yml so the next install gets the same commits.
 */
public final class PackageInstaller {
    /** What was installed: the package's project name, its spec, and the git commit where there is one. */
    public record Installed(String name, PackageSpec spec, String revision) {
    }

    private final Consumer<String> logger;

    public PackageInstaller(Consumer<String> logger) {
        this.logger = logger;
    }

    public List<Installed> install(Path projectDir, String installPath, Function<String, String> renderer,
                                   boolean upgrade) {
        PackagesFile declared = PackagesFile.read(projectDir, renderer);
        Path target = projectDir.resolve(installPath);
        LockFile lock = LockFile.read(projectDir);
        boolean useLock = !upgrade && lock.matches(declared);
        Map<String, Installed> installed = new LinkedHashMap<>();
        Deque<Work> queue = new ArrayDeque<>();
        declared.packages().forEach(spec -> queue.add(new Work(spec, projectDir)));
        FileTrees.delete(target);
        while (!queue.isEmpty()) {
            Work work = queue.poll();
            String locked = useLock && work.spec() instanceof PackageSpec.Git git ? lock.revisionOf(git.url()) : null;
            Installed done = installOne(work, target, locked);
            if (installed.containsKey(done.name())) {
                continue;
            }
            installed.put(done.name(), done);
            logger.accept("Installed from " + describe(done));
            PackagesFile nested = PackagesFile.read(target.resolve(done.name()), renderer);
            nested.packages().forEach(spec -> queue.add(new Work(spec, target.resolve(done.name()))));
        }
        List<Installed> result = new ArrayList<>(installed.values());
        if (declared.file() != null) {
            LockFile.write(projectDir, declared, result);
        }
        return result;
    }

    private record Work(PackageSpec spec, Path declaredIn) {
    }

    private Installed installOne(Work work, Path target, String lockedRevision) {
        try {
            Files.createDirectories(target);
            if (work.spec() instanceof PackageSpec.Local local) {
                Path source = work.declaredIn().resolve(local.path()).toAbsolutePath().normalize();
                String name = projectName(source, local.path());
                Path destination = target.resolve(name);
                FileTrees.delete(destination);
                try {
                    Files.createSymbolicLink(destination, source);
                } catch (IOException | UnsupportedOperationException e) {
                    FileTrees.copy(source, destination, null);
                }
                return new Installed(name, local, null);
            }
            if (work.spec() instanceof PackageSpec.Git git) {
                Path scratch = Files.createTempDirectory(target, ".clone-");
                try {
                    String revision = GitFetcher.fetch(git, lockedRevision != null ? lockedRevision : git.revision(), scratch);
                    Path root = git.subdirectory() == null ? scratch : scratch.resolve(git.subdirectory());
                    String name = projectName(root, git.url());
                    Path destination = target.resolve(name);
                    FileTrees.delete(destination);
                    FileTrees.copy(root, destination, ".git");
                    return new Installed(name, git, revision);
                } finally {
                    FileTrees.delete(scratch);
                }
            }
            PackageSpec.Hub hub = (PackageSpec.Hub) work.spec();
            throw new SluiceException(ErrorCode.CONFIG_INVALID, "package '" + hub.name() + "' comes from the dbt Hub, "
                    + "which Sluice does not download from yet; declare it as a git package instead, e.g. "
                    + "'- git: https://github.com/" + hub.name() + ".git' with 'revision: <tag>'",
                    SourceLocation.of("packages.yml"));
        } catch (IOException e) {
            throw new SluiceException(ErrorCode.IO, "cannot install packages into " + target + ": " + e.getMessage());
        }
    }

    private static String projectName(Path packageRoot, String declared) {
        Path file = packageRoot.resolve(ProjectLoader.PROJECT_FILE);
        if (!Files.isRegularFile(file)) {
            throw new SluiceException(ErrorCode.CONFIG_INVALID, "package '" + declared + "' has no dbt_project.yml at "
                    + packageRoot, SourceLocation.of("packages.yml"));
        }
        Object name = YamlReader.readMap(file, file.toString()).get("name");
        if (name == null) {
            throw new SluiceException(ErrorCode.CONFIG_INVALID, "package '" + declared + "' has no name in its "
                    + "dbt_project.yml", SourceLocation.of(file.toString()));
        }
        return String.valueOf(name);
    }

    private static String describe(Installed installed) {
        if (installed.spec() instanceof PackageSpec.Local local) {
            return "local " + local.path() + " as " + installed.name();
        }
        if (installed.spec() instanceof PackageSpec.Git git) {
            return "git " + git.url() + " at " + installed.revision() + " as " + installed.name();
        }
        return installed.name();
    }
}
