package dev.sluice.cli.commands;

import dev.sluice.cli.YamlArgs;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sluice run-operation MACRO --args '{yaml}'}: runs a macro against the warehouse. */
@Command(name = "run-operation", description = "Runs a macro with the warehouse connection.", sortOptions = false)
final class RunOperationCommand extends CommandBase {

    @Parameters(index = "0", paramLabel = "MACRO", description = "The macro to run, optionally package.macro.")
    String macro;

    @Option(names = "--args", paramLabel = "YAML", description = "The macro's keyword arguments as a YAML mapping.")
    String args;

    @Override
    protected int execute(Session s) {
        Map<String, Object> parsed = YamlArgs.parseMapping("--args", args);
        String result = s.api().runOperation(s.options(), macro, parsed);
        if (result != null && !result.isBlank()) {
            s.reporter().debug("RunOperationResult", "Macro " + macro + " returned: " + result);
        }
        return 0;
    }
}
