package dev.sluice.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.spi.Capability;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** A case needing a capability the adapter leaves out is aborted (not applicable), naming the capability. */
class CapabilityGateTest {

    private static AdapterConformanceSuite suiteWith(Set<Capability> capabilities) {
        return new AdapterConformanceSuite() {
            @Override
            protected String profileYaml(String profileName, String schema) {
                return "";
            }

            @Override
            protected Set<Capability> capabilities() {
                return capabilities;
            }
        };
    }

    @Test
    void aMissingCapabilityAbortsTheCaseWithItsName() {
        AdapterConformanceSuite suite = suiteWith(EnumSet.complementOf(EnumSet.of(Capability.VIEWS)));
        assertThatThrownBy(() -> suite.requires(Capability.VIEWS))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("VIEWS")
                .hasMessageContaining("not applicable");
    }

    @Test
    void aDeclaredCapabilityLetsTheCaseRun() {
        AdapterConformanceSuite suite = suiteWith(EnumSet.allOf(Capability.class));
        for (Capability capability : Capability.values()) {
            assertThatCode(() -> suite.requires(capability)).doesNotThrowAnyException();
        }
    }
}
