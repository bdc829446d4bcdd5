package dev.sluice.core.manifest;

import java.util.Map;

/** For a generic test: the test's name ({@code unique}), its namespace (a package, or null) and its kwargs. */
public record TestMetadata(String name, String namespace, Map<String, Object> kwargs) {
}
