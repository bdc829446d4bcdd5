package dev.sluice.core.unittest;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inline CSV of a unit test fixture: a header line, then rows; fields may be double-quoted (with {@code ""} for a
 * quote). An empty field is NULL. Values stay text; the fixture's column types decide what they become.
 */
public final class CsvText {
    private CsvText() {
    }

    /** The rows as column -> text maps, in header order. */
    public static List<Map<String, Object>> rows(String text, String what) {
        List<List<String>> lines = records(text.strip(), what);
        if (lines.isEmpty()) {
            return List.of();
        }
        List<String> header = lines.get(0).stream().map(h -> h == null ? "" : h.strip()).toList();
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> fields = lines.get(i);
            if (fields.size() == 1 && fields.get(0) == null) {
                continue;
            }
            if (fields.size() != header.size()) {
                throw new SluiceException(ErrorCode.CSV_INVALID, what + ": CSV row " + i + " has " + fields.size()
                        + " fields but the header has " + header.size());
            }
            Map<String, Object> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), fields.get(c));
            }
            out.add(row);
        }
        return out;
    }

    /** The header names only. */
    public static List<String> header(String text, String what) {
        List<List<String>> lines = records(text.strip(), what);
        return lines.isEmpty() ? List.of() : lines.get(0).stream().map(h -> h == null ? "" : h.strip()).toList();
    }

    private static List<List<String>> records(String text, String what) {
        List<List<String>> out = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                quoted = true;
                wasQuoted = true;
                field.setLength(0);
            } else if (c == ',') {
                fields.add(value(field, wasQuoted));
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(value(field, wasQuoted));
                out.add(fields);
                fields = new ArrayList<>();
                field.setLength(0);
                wasQuoted = false;
            } else {
                field.append(c);
            }
            i++;
        }
        if (quoted) {
            throw new SluiceException(ErrorCode.CSV_INVALID, what + ": a quoted CSV field is not closed");
        }
        if (!text.isEmpty()) {
            fields.add(value(field, wasQuoted));
            out.add(fields);
        }
        return out;
    }

    private static String value(StringBuilder field, boolean quoted) {
        if (quoted) {
            return field.toString();
        }
        String text = field.toString().strip();
        return text.isEmpty() ? null : text;
    }
}
