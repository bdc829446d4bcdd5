package dev.sluice.duckdb;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the first record of a CSV file whose field count differs from the header's, or a quote left open, and names
 * its line. Runs only after DuckDB refused a file, since DuckDB's reader does not always say which line was wrong.
 * Quoting follows RFC 4180: {@code "} encloses a field, {@code ""} inside it is a quote, newlines inside it belong to
 * the field. Blank lines are skipped, as DuckDB skips them.
 */
final class CsvShape {
    private CsvShape() {
    }

    static Optional<String> problem(Path file, char delimiter) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new Scan(delimiter).run(in);
        }
    }

    private static final class Scan {
        private final char delimiter;
        private long line = 1;
        private long recordLine = 1;
        private int fields = 1;
        private boolean inQuotes;
        private boolean recordEmpty = true;
        private int expected = -1;

        Scan(char delimiter) {
            this.delimiter = delimiter;
        }

        Optional<String> run(BufferedReader in) throws IOException {
            int c = in.read();
            if (c == '\uFEFF') {
                c = in.read();
            }
            while (c != -1) {
                int next = in.read();
                if (inQuotes) {
                    if (c == '"' && next == '"') {
                        next = in.read();
                    } else if (c == '"') {
                        inQuotes = false;
                    } else if (c == '\n' || (c == '\r' && next != '\n')) {
                        line++;
                    }
                } else if (c == '"') {
                    inQuotes = true;
                    recordEmpty = false;
                } else if (c == delimiter) {
                    fields++;
                    recordEmpty = false;
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && next == '\n') {
                        next = in.read();
                    }
                    Optional<String> bad = endRecord();
                    if (bad.isPresent()) {
                        return bad;
                    }
                    line++;
                    recordLine = line;
                } else {
                    recordEmpty = false;
                }
                c = next;
            }
            if (inQuotes) {
                return Optional.of("line " + recordLine + ": a quoted field is never closed");
            }
            return endRecord();
        }

        private Optional<String> endRecord() {
            if (recordEmpty) {
                return Optional.empty();
            }
            int found = fields;
            fields = 1;
            recordEmpty = true;
            if (expected < 0) {
                expected = found;
                return Optional.empty();
            }
            if (found != expected) {
                return Optional.of("line " + recordLine + ": expected " + expected + " fields, found " + found);
            }
            return Optional.empty();
        }
    }
}
