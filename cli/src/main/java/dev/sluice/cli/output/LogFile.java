package dev.sluice.cli.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@code <log-path>/dbt.log}: every record of every invocation, debug included, appended in the verbose text layout.
 * A log file that cannot be written never fails the command; it is then simply not written.
 */
public final class LogFile implements AutoCloseable {
    private final BufferedWriter writer;

    private LogFile(BufferedWriter writer) {
        this.writer = writer;
    }

    /** Opens (creating the folder) for appending; null when the file cannot be opened. */
    public static LogFile open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return new LogFile(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE));
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    public void write(String line) {
        try {
            writer.write(line);
            writer.write('\n');
        } catch (IOException e) {
            // a full disk must not fail the build; the console still has everything
        }
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }
}
