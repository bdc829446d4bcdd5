package dev.sluice.core.manifest.parse;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.errors.SourceLocation;
import dev.sluice.core.jinja.JinjaEngine;
import dev.sluice.core.project.EnvVars;
import dev.sluice.core.project.ProjectConfig;
import dev.sluice.core.project.ProjectLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** The packages {@code sluice deps} installed under the project's packages-install-path, each loaded as a project. */
final class InstalledPackages {
    private final JinjaEngine jinja;
    private final EnvVars env;
    private final Consumer<String> logger;

    InstalledPackages(JinjaEngine jinja, EnvVars env, Consumer<String> logger) {
        this.jinja = jinja;
        this.env = env;
        this.logger = logger;
    }

    List<ProjectConfig> load(ProjectConfig root, Map<String, Object> cliVars) {
        Path folder = root.root().resolve(root.packagesInstallPath());
        List<ProjectConfig> packages = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return packages;
        }
        List<Path> dirs;
        try (Stream<Path> list = Files.list(folder)) {
            dirs = list.filter(d -> Files.isRegularFile(d.resolve(ProjectLoader.PROJECT_FILE))).sorted().toList();
        } catch (IOException e) {
            throw new SluiceException(ErrorCode.IO, "cannot list installed packages in " + folder + ": " + e.getMessage());
        }
        ProjectLoader loader = new ProjectLoader(jinja, env, logger);
        for (Path dir : dirs) {
            ProjectConfig config = loader.load(dir.toAbsolutePath().normalize(), cliVars);
            if (config.name().equals(root.name())) {
                throw new SluiceException(ErrorCode.CONFIG_INVALID, "the installed package in " + dir
                        + " has the same name as the root project ('" + root.name() + "')",
                        SourceLocation.of(root.packagesInstallPath()));
            }
            packages.add(config);
        }
        return packages;
    }
}
