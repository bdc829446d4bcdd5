package dev.sluice.cli.commands;

import dev.sluice.core.api.InvocationOptions;
import dev.sluice.core.api.SluiceApi;
import dev.sluice.core.execute.RunResults;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sluice source freshness}: checks how recently each source was loaded; writes target/sources.json. */
@Command(name = "freshness", description = "Checks the freshness of the selected sources (loaded_at_field against"
        + " warn_after/error_after) and writes target/sources.json.", sortOptions = false)
final class FreshnessCommand extends ExecuteCommand {
    @Option(names = {"-o", "--output"}, paramLabel = "PATH", description = "Where to write sources.json instead.")
    String output;

    @Override
    protected RunResults execute(SluiceApi api, InvocationOptions options) {
        return api.freshness(options, output == null ? null : Path.of(output));
    }
}
