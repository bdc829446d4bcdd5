package dev.sluice.core.manifest.parse;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Finds the files under a project's resource folders, in a stable order. */
public final class ProjectFiles {
    private ProjectFiles() {
    }

    /** Files under each of {@code roots} (relative to {@code projectDir}) whose extension is one of {@code extensions}. */
    public static List<ProjectFile> find(Path projectDir, List<String> roots, Set<String> extensions) {
        List<ProjectFile> out = new ArrayList<>();
        for (String root : roots) {
            Path base = projectDir.resolve(root).normalize();
            if (!Files.isDirectory(base)) {
                continue;
            }
            try {
                Files.walkFileTree(base, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                        return !dir.equals(base) && name.startsWith(".") ? FileVisitResult.SKIP_SUBTREE
                                : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        String name = file.getFileName().toString();
                        int dot = name.lastIndexOf('.');
                        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
                        if (attrs.isRegularFile() && !name.startsWith(".") && extensions.contains(ext)) {
                            String original = slashes(projectDir.relativize(file));
                            String inRoot = slashes(base.relativize(file));
                            out.add(new ProjectFile(file, original, root, inRoot));
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                throw new SluiceException(ErrorCode.IO, "cannot read folder " + base + ": " + e.getMessage());
            }
        }
        out.sort(Comparator.comparing(ProjectFile::originalFilePath));
        return out;
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
