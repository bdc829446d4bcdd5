package dev.sluice.core.api;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the SQL files of an invocation (target/compiled/..., target/run/...) from any worker thread; a build writes
 * two per node, so each costs as few system calls as it can:
 * <ul>
 *   <li>each folder is made once per invocation ({@link Files#createDirectories} on a folder that exists costs a
 *       failed mkdir and an exception);</li>
 *   <li>a file that already holds exactly the new text is left as it is (the common case when a project is built
 *       again), and otherwise is overwritten in place and cut to the new length: truncating to zero and writing again
 *       makes ext4 flush the file's blocks on close.</li>
 * </ul>
 */
final class SqlFiles {
    private final Set<Path> folders = ConcurrentHashMap.newKeySet();

    void write(Path file, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            folder(file.getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE)) {
                if (channel.size() == bytes.length && holds(channel, bytes)) {
                    return;
                }
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                long position = 0;
                while (buffer.hasRemaining()) {
                    position += channel.write(buffer, position);
                }
                channel.truncate(bytes.length);
            }
        } catch (IOException e) {
            throw new SluiceException(ErrorCode.IO, "cannot write " + file + ": " + e.getMessage());
        }
    }

    private void folder(Path folder) throws IOException {
        if (folder == null || folders.contains(folder)) {
            return;
        }
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
        }
        folders.add(folder);
    }

    private static boolean holds(FileChannel channel, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(bytes.length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, buffer.position()) < 0) {
                return false;
            }
        }
        return Arrays.equals(buffer.array(), bytes);
    }
}
