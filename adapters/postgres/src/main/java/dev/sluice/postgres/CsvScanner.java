package dev.sluice.postgres;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One pass over a CSV file in the dialect seeds use: {@code "} quotes, {@code ""} inside quotes is one quote, quoted
 * fields may hold delimiters and line breaks, records end with LF, CRLF or CR, a UTF-8 BOM is dropped. Every field is
 * handed to a {@link Visitor} as a slice of a reused buffer (nothing is allocated per field), with the physical line
 * its record starts on. Which line endings appeared outside quotes is remembered, so the loader knows whether
 * PostgreSQL's COPY (which wants one kind per file) can read the file as it is.
 */
final class CsvScanner {
    interface Visitor {
        void field(int index, char[] buffer, int length, boolean quoted);

        /** End of one record of {@code fields} fields that started on physical line {@code line} (1-based). */
        void record(int fields, long line) throws CsvException;
    }

    /** A malformed file: the message names the physical line. */
    static final class CsvException extends Exception {
        CsvException(String message) {
            super(message);
        }
    }

    static final int LF = 1;
    static final int CRLF = 2;
    static final int CR = 4;

    private int lineEndings;
    private boolean blankLines;

    /** True when an empty line (outside quotes) was skipped. */
    boolean blankLines() {
        return blankLines;
    }

    /** Which of {@link #LF}, {@link #CRLF}, {@link #CR} ended records, as bits. */
    int lineEndings() {
        return lineEndings;
    }

    void scan(Path file, char delimiter, Visitor visitor) throws IOException, CsvException {
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            scan(reader, delimiter, visitor);
        }
    }

    void scan(Reader reader, char delimiter, Visitor visitor) throws IOException, CsvException {
        char[] in = new char[1 << 16];
        char[] field = new char[256];
        int length = 0;
        int index = 0;
        boolean quoted = false;
        boolean inQuotes = false;
        boolean afterQuote = false;   // a closing quote was seen; the field must end now
        boolean pendingCr = false;
        boolean recordHasContent = false;
        boolean first = true;
        long line = 1;
        long recordLine = 1;
        long quoteLine = 0;
        int n;
        while ((n = reader.read(in)) > 0) {
            int start = 0;
            if (first) {
                first = false;
                if (in[0] == '\uFEFF') {
                    start = 1;
                }
            }
            for (int i = start; i < n; i++) {
                char c = in[i];
                if (pendingCr) {
                    pendingCr = false;
                    if (c == '\n') {
                        lineEndings |= CRLF;
                        continue;
                    }
                    lineEndings |= CR;
                }
                if (inQuotes) {
                    if (c == '"') {
                        inQuotes = false;
                        afterQuote = true;
                        continue;
                    }
                    if (c == '\n' || (c == '\r')) {
                        if (c == '\n' || i + 1 >= n || in[i + 1] != '\n') {
                            line++;
                        }
                    }
                    if (length == field.length) {
                        field = java.util.Arrays.copyOf(field, field.length * 2);
                    }
                    field[length++] = c;
                    continue;
                }
                if (c == '"') {
                    if (afterQuote) {          // "" inside a quoted field
                        inQuotes = true;
                        afterQuote = false;
                        if (length == field.length) {
                            field = java.util.Arrays.copyOf(field, field.length * 2);
                        }
                        field[length++] = '"';
                        continue;
                    }
                    if (length == 0 && !quoted) {
                        inQuotes = true;
                        quoted = true;
                        quoteLine = line;
                        recordHasContent = true;
                        continue;
                    }
                    throw new CsvException("line " + line + ": a quote inside an unquoted field");
                }
                if (c == delimiter) {
                    visitor.field(index++, field, length, quoted);
                    length = 0;
                    quoted = false;
                    afterQuote = false;
                    recordHasContent = true;
                    continue;
                }
                if (c == '\n' || c == '\r') {
                    if (c == '\n') {
                        lineEndings |= LF;
                    } else {
                        pendingCr = true;
                    }
                    if (recordHasContent || length > 0) {
                        visitor.field(index++, field, length, quoted);
                        visitor.record(index, recordLine);
                    } else {
                        blankLines = true;
                    }
                    index = 0;
                    length = 0;
                    quoted = false;
                    afterQuote = false;
                    recordHasContent = false;
                    line++;
                    recordLine = line;
                    continue;
                }
                if (afterQuote) {
                    throw new CsvException("line " + line + ": text after the closing quote of a field");
                }
                if (length == field.length) {
                    field = java.util.Arrays.copyOf(field, field.length * 2);
                }
                field[length++] = c;
                recordHasContent = true;
            }
        }
        if (pendingCr) {
            lineEndings |= CR;
        }
        if (inQuotes) {
            throw new CsvException("line " + quoteLine + ": a quoted field is never closed");
        }
        if (recordHasContent || length > 0) {
            visitor.field(index++, field, length, quoted);
            visitor.record(index, recordLine);
        }
    }
}
