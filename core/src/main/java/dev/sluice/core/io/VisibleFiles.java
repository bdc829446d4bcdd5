package dev.sluice.core.io;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.BiConsumer;

/**
 * The files of a project folder as Sluice sees them: regular files, hidden files and hidden folders (a leading dot)
 * left out. One rule for the parser's listing and the parse cache's, so the cache watches exactly what is parsed.
 */
public final class VisibleFiles {
    private VisibleFiles() {
    }

    /** Calls {@code onFile} for each visible regular file under {@code base} (nothing if it is not a folder). */
    public static void walk(Path base, BiConsumer<Path, BasicFileAttributes> onFile) throws IOException {
        if (!Files.isDirectory(base)) {
            return;
        }
        Files.walkFileTree(base, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                return !dir.equals(base) && name.startsWith(".") ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !file.getFileName().toString().startsWith(".")) {
                    onFile.accept(file, attrs);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
