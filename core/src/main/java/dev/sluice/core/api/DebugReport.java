package dev.sluice.core.api;

import java.util.List;

/** {@code debug}: each check with its outcome, in the order dbt prints them. */
public record DebugReport(List<Check> checks) {
    public record Check(String name, boolean ok, String detail) {
    }

    public boolean allOk() {
        return checks.stream().allMatch(Check::ok);
    }
}
