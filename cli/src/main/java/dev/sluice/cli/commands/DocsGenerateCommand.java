package dev.sluice.cli.commands;

import dev.sluice.core.api.DocsOptions;
import dev.sluice.core.api.DocsResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sluice docs generate}: compiles the project, writes manifest.json and catalog.json (from the warehouse) and
 * the static docs site (target/index.html and target/docs/).
 */
@Command(name = "generate", description = "Writes target/catalog.json and the docs site (target/index.html).",
        sortOptions = false)
final class DocsGenerateCommand extends CommandBase {
    @Option(names = "--no-compile", description = "Do not compile the project first (pages show raw code only).")
    boolean noCompile;

    @Option(names = "--empty-catalog", description = "Write catalog.json without reading the warehouse.")
    boolean emptyCatalog;

    @Override
    protected int execute(Session s) {
        DocsResult result = s.api().docsGenerate(s.options(), new DocsOptions(!noCompile, emptyCatalog));
        return result.errors().isEmpty() ? 0 : 1;
    }
}
