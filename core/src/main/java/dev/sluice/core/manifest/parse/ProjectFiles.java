package dev.sluice.core.manifest.parse;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Finds the files under a project's resource folders, in a stable order. */
public final class ProjectFiles {
    private ProjectFiles() {
    }

    /** Files under each of {@code roots} (relative to {@code projectDir}) whose extension is one of {@code extensions}. */
    public static List<ProjectFile> find(Path projectDir, List<String> roots, Set<String> extensions) {
        return new ProjectFileIndex().find(projectDir, roots, extensions);
    }

    static String slashes(Path path) {
        return path.toString().replace('\\', '/');
    }

    public static String read(ProjectFile file) {
        try {
            return Files.readString(file.absolute());
        } catch (IOException e) {
            throw new SluiceException(ErrorCode.IO, "cannot read " + file.originalFilePath() + ": " + e.getMessage());
        }
    }
}
