package dev.sluice.cli.commands;

import dev.sluice.cli.output.NodeLines;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sluice compile}: writes compiled SQL under target/compiled. With {@code --inline} or a selection of exactly
 * one node, prints the compiled code.
 */
@Command(name = "compile", description = "Compiles the selected nodes (or --inline SQL) to target/compiled.",
        sortOptions = false)
final class CompileCommand extends CommandBase {

    @Option(names = "--inline", paramLabel = "SQL", description = "Compile this SQL instead of project nodes.")
    String inline;

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "FORMAT",
            description = "text (default) or json.")
    OutputFormat output;

    @Override
    protected boolean commandOutputOnly() {
        return output == OutputFormat.JSON;
    }

    @Override
    protected int execute(Session s) {
        if (inline != null) {
            show(s, null, s.api().compileInline(s.options(), inline));
            return 0;
        }
        Map<String, String> compiled = s.api().compile(s.options());
        if (compiled.size() == 1) {
            Map.Entry<String, String> only = compiled.entrySet().iterator().next();
            show(s, NodeLines.nodeName(only.getKey()), only.getValue());
            return 0;
        }
        // as dbt does: with --select naming one node, print that node even when its tests came along
        java.util.List<String> select = s.options().select();
        if (select.size() == 1) {
            compiled.entrySet().stream()
                    .filter(e -> NodeLines.nodeName(e.getKey()).equals(select.get(0)))
                    .findFirst()
                    .ifPresent(e -> show(s, select.get(0), e.getValue()));
        }
        return 0;
    }

    private void show(Session s, String node, String sql) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (node != null) {
            data.put("node", node);
        }
        data.put("compiled", sql);
        if (output == OutputFormat.JSON) {
            Print.raw(s, "CompiledNode", s.reporter().json().write(data, true), data);
        } else {
            String head = node == null ? "Compiled inline node is:" : "Compiled node '" + node + "' is:";
            Print.block(s, "CompiledNode", head + "\n" + sql, data);
        }
    }
}
