package dev.sluice.core.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Replaces a file as a whole: the new content goes to a temporary file beside it, which is then moved over it, so a
 * reader (or a crash) never sees half a file. The temporary file is removed if anything fails.
 */
public final class AtomicFile {
    private AtomicFile() {
    }

    /** Fills the temporary file. */
    public interface Content {
        void writeTo(Path temp) throws IOException;
    }

    public static void replace(Path file, Content content) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            content.writeTo(temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public static void replace(Path file, byte[] bytes) throws IOException {
        replace(file, temp -> Files.write(temp, bytes));
    }
}
