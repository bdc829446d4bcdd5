package dev.sluice.core.api;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.events.Event;
import dev.sluice.core.events.EventSink;
import dev.sluice.core.jinja.JinjaEngine;
import dev.sluice.core.packages.FileTrees;
import dev.sluice.core.project.EnvVars;
import dev.sluice.core.project.ProjectConfig;
import dev.sluice.core.project.ProjectLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code clean}: deletes the project's clean-targets; refuses any path outside the project folder. */
final class Clean {
    private Clean() {
    }

    static List<String> run(InvocationOptions options, EnvVars env, EventSink events, JinjaEngine jinja) {
        Path root = (options.projectDir() == null ? Path.of("") : options.projectDir()).toAbsolutePath().normalize();
        ProjectConfig project = new ProjectLoader(jinja, env, t -> events.accept(Event.Message.info(t)))
                .load(root, options.vars());
        List<String> removed = new ArrayList<>();
        for (String target : project.cleanTargets()) {
            Path path = root.resolve(target).normalize();
            if (!path.startsWith(root) || path.equals(root)) {
                throw new SluiceException(ErrorCode.CONFIG_INVALID, "clean-targets may only name folders inside the "
                        + "project; refusing to delete " + path);
            }
            if (Files.exists(path)) {
                FileTrees.delete(path);
                removed.add(target);
                events.accept(Event.Message.info("Cleaned " + target + "/"));
            }
        }
        return removed;
    }
}
