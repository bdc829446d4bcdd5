package dev.sluice.core.api;

import dev.sluice.core.events.Event;
import dev.sluice.core.events.EventSink;
import dev.sluice.core.jinja.ContextFunctions;
import dev.sluice.core.jinja.JinjaEngine;
import dev.sluice.core.packages.PackageInstaller;
import dev.sluice.core.project.EnvVars;
import dev.sluice.core.project.ProjectConfig;
import dev.sluice.core.project.ProjectLoader;
import dev.sluice.core.project.Vars;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** {@code deps}: needs the project but no profile or warehouse, as in dbt. */
final class Deps {
    private Deps() {
    }

    static List<String> run(InvocationOptions options, EnvVars env, EventSink events, JinjaEngine jinja, boolean upgrade) {
        Path root = (options.projectDir() == null ? Path.of("") : options.projectDir()).toAbsolutePath().normalize();
        Consumer<String> logger = text -> events.accept(Event.Message.info(text));
        ProjectConfig project = new ProjectLoader(jinja, env, logger).load(root, options.vars());
        Map<String, Object> context = ContextFunctions.base(Vars.cliOnly(options.vars()).forPackage(null), env, logger,
                null);
        List<PackageInstaller.Installed> installed = new PackageInstaller(logger).install(root,
                project.packagesInstallPath(), text -> jinja.renderPlain(text, context, "packages.yml"), upgrade);
        if (installed.isEmpty()) {
            logger.accept("Warning: No packages were found in packages.yml");
        }
        return installed.stream().map(i -> i.name() + (i.revision() == null ? "" : "@" + i.revision())).toList();
    }
}
