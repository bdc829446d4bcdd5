package dev.sluice.duckdb;

import dev.sluice.spi.Capability;
import dev.sluice.testkit.conformance.AdapterConformanceSuite;
import java.util.EnumSet;
import java.util.Set;

/** The DuckDB adapter against the adapter conformance suite: one DuckDB file per case, in the case's project folder. */
class DuckDbConformanceTest extends AdapterConformanceSuite {

    @Override
    protected String profileYaml(String profileName, String schema) {
        return profileName + ":\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n"
                + "      path: warehouse.duckdb\n      schema: " + schema + "\n      threads: 1\n";
    }

    @Override
    protected Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }
}
