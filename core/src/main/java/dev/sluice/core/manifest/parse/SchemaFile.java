package dev.sluice.core.manifest.parse;

import dev.sluice.core.manifest.Exposure;
import dev.sluice.core.manifest.SourceDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What one schema YAML file declares: patches for nodes by kind and name, sources, exposures, tests, unit tests. */
final class SchemaFile {
    /** A description/columns/config patch for a node of {@code kind} (models, seeds, snapshots, analyses). */
    record Patch(String kind, String name, Map<String, Object> body, ProjectFile file, int line) {
    }

    /** One {@code unit_tests:} entry, unrendered, with the line of its name. */
    record UnitTestEntry(Map<String, Object> body, ProjectFile file, int line) {
    }

    final String packageName;
    final List<Patch> patches = new ArrayList<>();
    final List<SourceDefinition> sources = new ArrayList<>();
    final List<Exposure> exposures = new ArrayList<>();
    final List<TestDefinition> tests = new ArrayList<>();
    final List<UnitTestEntry> unitTests = new ArrayList<>();
    final List<Map<String, Object>> macroPatches = new ArrayList<>();

    SchemaFile(String packageName) {
        this.packageName = packageName;
    }
}
