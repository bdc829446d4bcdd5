package dev.sluice.core.manifest.parse;

/**
 * One entry under {@code tests:}/{@code data_tests:} in a schema file, before it becomes a test node. The target is a
 * model, seed or snapshot name ({@code sourceName} null) or a source table.
 */
record TestDefinition(Object entry, String targetName, String sourceName, String columnName, ProjectFile file,
                      String packageName, int line) {

    boolean onSource() {
        return sourceName != null;
    }
}
