package dev.sluice.cli.commands;

import dev.sluice.core.api.ListOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sluice ls} / {@code sluice list}: one line per selected node. */
@Command(name = "ls", aliases = "list", description = "Lists the selected nodes.", sortOptions = false)
final class ListCommand extends CommandBase {

    @Option(names = {"-o", "--output"}, defaultValue = "selector", paramLabel = "FORMAT",
            description = "selector (default), name, path or json.")
    ListOutput output;

    @Option(names = "--output-keys", arity = "1..*", paramLabel = "KEY",
            description = "Keys of each JSON line (space- or comma-separated).")
    List<String> outputKeys = new ArrayList<>();

    @Override
    protected boolean commandOutputOnly() {
        return output == ListOutput.JSON;
    }

    @Override
    protected int execute(Session s) {
        for (String line : s.api().list(s.options(), output, keys())) {
            Print.raw(s, "ListCmdOut", line, Map.of("msg", line));
        }
        return 0;
    }

    List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (String k : outputKeys) {
            for (String part : k.split("[\\s,]+")) {
                if (!part.isEmpty()) {
                    keys.add(part);
                }
            }
        }
        return keys;
    }
}
