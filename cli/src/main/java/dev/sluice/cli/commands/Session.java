package dev.sluice.cli.commands;

import dev.sluice.cli.output.EventPrinter;
import dev.sluice.cli.output.Reporter;
import dev.sluice.core.api.InvocationOptions;
import dev.sluice.core.api.SluiceApi;

/** What a command body works with: the request, the engine, and where to report. */
public record Session(InvocationOptions options, SluiceApi api, Reporter reporter, EventPrinter printer) {
}
