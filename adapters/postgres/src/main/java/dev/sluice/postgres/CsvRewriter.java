package dev.sluice.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import org.postgresql.copy.CopyIn;

/**
 * Feeds COPY a file it could not read as it is (line endings of several kinds, blank lines): every record is written
 * again with LF endings, non-empty fields quoted, blank lines left out. Values are unchanged.
 */
final class CsvRewriter {
    private CsvRewriter() {
    }

    static void rewrite(Path file, char delimiter, CopyIn copy) throws IOException, SQLException {
        StringBuilder out = new StringBuilder(1 << 16);
        SQLException[] failure = new SQLException[1];
        try {
            new CsvScanner().scan(file, delimiter, new CsvScanner.Visitor() {
                @Override
                public void field(int index, char[] buffer, int length, boolean quoted) {
                    if (index > 0) {
                        out.append(delimiter);
                    }
                    if (length > 0 || quoted) {
                        out.append('"');
                        for (int i = 0; i < length; i++) {
                            char c = buffer[i];
                            out.append(c);
                            if (c == '"') {
                                out.append('"');
                            }
                        }
                        out.append('"');
                    }
                }

                @Override
                public void record(int fields, long line) {
                    out.append('\n');
                    if (out.length() >= 1 << 16 && failure[0] == null) {
                        try {
                            flush(out, copy);
                        } catch (SQLException e) {
                            failure[0] = e;
                        }
                    }
                }
            });
        } catch (CsvScanner.CsvException e) {
            throw new IOException(e.getMessage(), e);   // the shape pass has already accepted the file
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        flush(out, copy);
    }

    private static void flush(StringBuilder out, CopyIn copy) throws SQLException {
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        out.setLength(0);
    }
}
