package dev.sluice.core.api;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.events.Event;
import dev.sluice.core.events.EventSink;
import dev.sluice.core.execute.RunResults;
import dev.sluice.core.manifest.ResourceType;
import dev.sluice.core.state.PreviousRun;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code retry}: reads the previous invocation's run_results.json ({@code --state DIR} if given, else the target
 * path), and runs its command again, with its flags, over exactly the nodes whose status was error, fail, skipped or
 * runtime error. The new run_results.json keeps the original command in {@code args.which}, so a retry can be
 * retried.
 */
final class Retry {
    private final Function<InvocationOptions, Session> open;
    private final EventSink events;

    Retry(Function<InvocationOptions, Session> open, EventSink events) {
        this.open = open;
        this.events = events;
    }

    RunResults run(InvocationOptions options) {
        PreviousRun previous;
        try (Session first = open.apply(options)) {
            Path dir = options.statePath() != null ? first.project.root().resolve(options.statePath()) : first.targetDir;
            Path file = dir.resolve("run_results.json");
            if (!java.nio.file.Files.isRegularFile(file)) {
                throw new SluiceException(ErrorCode.IO, "Could not find a previous run to retry: no run_results.json in "
                        + dir);
            }
            previous = PreviousRun.read(file);
        }
        String command = previous.command();
        Set<ResourceType> types = typesOf(command);
        InvocationOptions reused = RunArgs.reuse(options, previous.args());
        Set<String> ids = previous.retryable();
        try (Session session = open.apply(reused)) {
            if (ids.isEmpty()) {
                events.accept(Event.Message.info("retry: the previous '" + command
                        + "' left nothing that errored, failed or was skipped"));
            } else {
                events.accept(Event.Message.info("retry: re-running '" + command + "' over " + ids.size()
                        + " node(s) that errored, failed or were skipped"));
            }
            return new ExecuteCommand(session).execute(command, types, ids,
                    Map.of("invocation_command", "sluice retry"));
        }
    }

    static Set<ResourceType> typesOf(String command) {
        if (command == null) {
            throw new SluiceException(ErrorCode.CONFIG_INVALID, "retry: the previous run_results.json does not name "
                    + "its command (args.which)");
        }
        return switch (command) {
            case "run" -> EnumSet.of(ResourceType.MODEL);
            case "seed" -> EnumSet.of(ResourceType.SEED);
            case "test" -> EnumSet.of(ResourceType.TEST, ResourceType.UNIT_TEST);
            case "snapshot" -> EnumSet.of(ResourceType.SNAPSHOT);
            case "build" -> EnumSet.of(ResourceType.MODEL, ResourceType.SEED, ResourceType.TEST,
                    ResourceType.SNAPSHOT, ResourceType.UNIT_TEST);
            default -> throw new SluiceException(ErrorCode.CONFIG_INVALID, "retry cannot re-run '" + command
                    + "': it re-runs run, seed, test, snapshot and build");
        };
    }
}
