package dev.sluice.cli.commands;

import dev.sluice.cli.output.ResultTable;
import dev.sluice.core.api.ShowResult;
import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sluice show}: runs one node's compiled query (or --inline SQL) with a limit and previews the rows, as a
 * table or, with {@code --output json}, as {@code {"node": ..., "show": [rows]}} alone on stdout.
 */
@Command(name = "show", description = "Previews the rows of one node (--select) or of --inline SQL.",
        sortOptions = false)
final class ShowCommand extends CommandBase {

    @Option(names = "--inline", paramLabel = "SQL", description = "Preview this SQL instead of a node.")
    String inline;

    @Option(names = "--limit", defaultValue = "5", description = "Rows to fetch and show (default: 5).")
    int limit;

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "FORMAT",
            description = "text (default) or json.")
    OutputFormat output;

    @Override
    protected boolean commandOutputOnly() {
        return output == OutputFormat.JSON;
    }

    @Override
    protected int execute(Session s) {
        if (inline == null && s.options().select().isEmpty()) {
            throw new SluiceException(ErrorCode.SELECTOR_INVALID,
                    "Either --select or --inline must be passed to show");
        }
        ShowResult result = s.api().show(s.options(), inline, limit);
        String node = inline != null ? null : result.nodeName();
        Map<String, Object> data = new LinkedHashMap<>();
        if (node != null) {
            data.put("node", node);
        }
        data.put("show", ResultTable.rows(result.preview()));
        if (output == OutputFormat.JSON) {
            Print.raw(s, "ShowNode", s.reporter().json().write(data, true), data);
        } else {
            String head = node == null ? "Previewing inline node:" : "Previewing node '" + node + "':";
            Print.block(s, "ShowNode", head + "\n" + ResultTable.text(result.preview()), data);
        }
        return 0;
    }
}
