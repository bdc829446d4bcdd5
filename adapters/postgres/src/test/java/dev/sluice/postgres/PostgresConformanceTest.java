package dev.sluice.postgres;

import dev.sluice.spi.Capability;
import dev.sluice.testkit.conformance.AdapterConformanceSuite;
import dev.sluice.testkit.postgres.SharedPostgres;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The PostgreSQL adapter against the whole adapter conformance suite, on a real server; a fresh schema per case. */
class PostgresConformanceTest extends AdapterConformanceSuite {
    @RegisterExtension
    static final SharedPostgres PG = new SharedPostgres();

    @Override
    protected String profileYaml(String profileName, String schema) {
        return PG.server().profileYaml(profileName, schema, 1);
    }

    @Override
    protected Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }
}
