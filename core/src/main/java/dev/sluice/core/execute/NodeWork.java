package dev.sluice.core.execute;

import dev.sluice.core.manifest.Node;

/**
 * What the runner does with one node; the command decides (run builds, test tests, compile only compiles).
 * Implementations throw {@link dev.sluice.core.errors.SluiceException} or
 * {@link dev.sluice.spi.AdapterException} on failure; the runner turns that into an error result.
 */
@FunctionalInterface
public interface NodeWork {
    Done execute(Node node);

    /** A finished node: its status, message, console summary, failures, adapter response and compiled SQL. */
    record Done(NodeStatus status, String message, String summary, Long failures,
                java.util.Map<String, Object> adapterResponse, String compiledCode, String relationName) {
    }
}
