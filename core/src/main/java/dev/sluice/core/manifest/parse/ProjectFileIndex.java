package dev.sluice.core.manifest.parse;

import dev.sluice.core.io.VisibleFiles;
import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the files under a project's resource folders, in a stable order, walking each folder once: models/ holds
 * models, schema YAML and docs, and walking a large project's tree (a stat per file) three times was a visible part of
 * its parse. Make one per parse; a folder's listing is not refreshed.
 */
final class ProjectFileIndex {
    /** A regular, non-hidden file found under a folder: its path inside the folder and its extension in lower case. */
    private record Found(Path file, String inFolder, String extension) {
    }

    private final Map<Path, List<Found>> walked = new HashMap<>();

    /** Files under each of {@code roots} (relative to {@code projectDir}) whose extension is one of {@code extensions}. */
    List<ProjectFile> find(Path projectDir, List<String> roots, Set<String> extensions) {
        List<ProjectFile> out = new ArrayList<>();
        for (String root : roots) {
            Path base = projectDir.resolve(root).normalize();
            String prefix = projectDir.toString() + "/";
            for (Found found : walk(base)) {
                if (extensions.contains(found.extension())) {
                    out.add(new ProjectFile(found.file(), relative(projectDir, prefix, found.file()), root,
                            found.inFolder()));
                }
            }
        }
        out.sort(Comparator.comparing(ProjectFile::originalFilePath));
        return out;
    }

    /**
     * {@code file} relative to {@code folder}, with forward slashes: cut from the path's text when the file lies below
     * the folder (a path's relativize is a visible cost over tens of thousands of files), else by relativize.
     */
    private static String relative(Path folder, String folderPrefix, Path file) {
        String text = file.toString();
        if (text.startsWith(folderPrefix) && folder.getFileSystem().getSeparator().equals("/")) {
            return text.substring(folderPrefix.length());
        }
        return ProjectFiles.slashes(folder.relativize(file));
    }

    private List<Found> walk(Path base) {
        List<Found> known = walked.get(base);
        if (known != null) {
            return known;
        }
        List<Found> found = new ArrayList<>();
        String prefix = base.toString() + "/";
        try {
            VisibleFiles.walk(base, (file, attrs) -> {
                String name = file.getFileName().toString();
                int dot = name.lastIndexOf('.');
                found.add(new Found(file, relative(base, prefix, file),
                        dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT)));
            });
        } catch (IOException e) {
            throw new SluiceException(ErrorCode.IO, "cannot read folder " + base + ": " + e.getMessage());
        }
        walked.put(base, found);
        return found;
    }
}
