package dev.sluice.core.compile;

import dev.sluice.core.manifest.Node;
import dev.sluice.spi.Relation;
import java.util.List;

/**
 * A node's runtime render: the SQL to run ({@code compiledCode}, ephemeral CTEs already injected), the relation it
 * builds (null for tests, analyses and ephemeral models), and the ephemeral models it pulled in.
 */
public record CompiledNode(Node node, String compiledCode, Relation relation, List<InjectedCte> extraCtes) {

    /** An ephemeral model pulled in as a CTE: its unique id, the CTE name, and its own SQL (the CTE body). */
    public record InjectedCte(String id, String name, String sql) {
        /** The definition as injected: {@code name as (\nsql\n)}. */
        public String definition() {
            return name + " as (\n" + sql.strip() + "\n)";
        }
    }
}
