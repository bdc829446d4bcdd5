package dev.sluice.core.api;

import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.events.Event;
import dev.sluice.core.events.EventSink;
import dev.sluice.core.jinja.JinjaEngine;
import dev.sluice.core.project.EnvVars;
import dev.sluice.core.project.ProfileLoader;
import dev.sluice.core.project.ProfileRequest;
import dev.sluice.core.project.ProjectConfig;
import dev.sluice.core.project.ProjectLoader;
import dev.sluice.spi.Adapter;
import dev.sluice.spi.AdapterContext;
import dev.sluice.spi.AdapterFactory;
import dev.sluice.spi.TargetConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code debug}: checks the project file, the profile, the adapter and the connection, one after another. */
final class Debug {
    private Debug() {
    }

    static DebugReport run(InvocationOptions options, EnvVars env, EventSink events, AdapterRegistry adapters,
                           JinjaEngine jinja) {
        List<DebugReport.Check> checks = new ArrayList<>();
        Path root = (options.projectDir() == null ? Path.of("") : options.projectDir()).toAbsolutePath().normalize();
        java.util.function.Consumer<String> logger = t -> events.accept(Event.Message.info(t));
        ProjectConfig project;
        try {
            project = new ProjectLoader(jinja, env, logger).load(root, options.vars());
            checks.add(new DebugReport.Check("dbt_project.yml file", true, root.resolve("dbt_project.yml").toString()));
        } catch (SluiceException e) {
            checks.add(new DebugReport.Check("dbt_project.yml file", false, e.getMessage()));
            return new DebugReport(checks);
        }
        ProfileLoader profiles = new ProfileLoader(jinja, env, logger);
        ProfileRequest request = new ProfileRequest(options.profilesDir(), options.profile(), options.target(),
                options.threads());
        TargetConfig target;
        try {
            Path file = profiles.locate(request, root);
            checks.add(new DebugReport.Check("profiles.yml file", true, file.toString()));
            target = profiles.load(request, root, project.profile(), options.vars());
            checks.add(new DebugReport.Check("profile '" + target.profileName() + "', target '" + target.targetName()
                    + "'", true, "type " + target.type()));
        } catch (SluiceException e) {
            checks.add(new DebugReport.Check("profiles.yml file", false, e.getMessage()));
            return new DebugReport(checks);
        }
        try {
            AdapterFactory factory = adapters.get(target.type());
            TargetConfig normalized = factory.normalize(target);
            try (Adapter adapter = factory.create(normalized, new AdapterContext(root, 1))) {
                adapter.query("select 1 as ok");
            }
            checks.add(new DebugReport.Check("Connection test", true, "database " + normalized.database()
                    + ", schema " + normalized.schema()));
        } catch (RuntimeException e) {
            checks.add(new DebugReport.Check("Connection test", false, e.getMessage()));
        }
        return new DebugReport(checks);
    }
}
