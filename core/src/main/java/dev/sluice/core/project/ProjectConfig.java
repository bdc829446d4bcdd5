package dev.sluice.core.project;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * dbt_project.yml, rendered. Resource configs ({@code models:}, {@code seeds:}, ...) stay as the nested trees the user
 * wrote; {@link FolderConfigs} walks them for each node. Hooks stay unrendered: they are rendered at run time.
 */
public record ProjectConfig(
        Path root,
        String name,
        String version,
        String profile,
        List<String> modelPaths,
        List<String> seedPaths,
        List<String> testPaths,
        List<String> analysisPaths,
        List<String> macroPaths,
        List<String> snapshotPaths,
        List<String> docsPaths,
        String targetPath,
        String logPath,
        String packagesInstallPath,
        List<String> cleanTargets,
        Map<String, Object> vars,
        Map<String, Object> models,
        Map<String, Object> seeds,
        Map<String, Object> tests,
        Map<String, Object> snapshots,
        Map<String, Object> sources,
        Map<String, Object> analyses,
        Map<String, Object> exposures,
        List<String> onRunStart,
        List<String> onRunEnd,
        Map<String, Object> quoting,
        List<Map<String, Object>> dispatch,
        Map<String, Object> flags) {

    /** Every folder that may hold files Sluice parses. */
    public List<String> allResourcePaths() {
        java.util.List<String> all = new java.util.ArrayList<>();
        all.addAll(modelPaths);
        all.addAll(seedPaths);
        all.addAll(testPaths);
        all.addAll(analysisPaths);
        all.addAll(macroPaths);
        all.addAll(snapshotPaths);
        return all;
    }
}
