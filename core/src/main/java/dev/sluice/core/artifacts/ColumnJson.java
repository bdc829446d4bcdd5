package dev.sluice.core.artifacts;

import static dev.sluice.core.artifacts.FieldNames.*;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sluice.core.manifest.ColumnInfo;

import java.io.IOException;
import java.util.Map;

/** The {@code columns} object of nodes and sources: {name: {name, description, meta, data_type, ...}}. */
final class ColumnJson {
    private ColumnJson() {
    }

    static void columns(JsonGenerator out, Map<String, ColumnInfo> columns) throws IOException {
        out.writeStartObject();
        for (Map.Entry<String, ColumnInfo> entry : columns.entrySet()) {
            out.writeFieldName(entry.getKey());
            column(out, entry.getValue());
        }
        out.writeEndObject();
    }

    static void column(JsonGenerator out, ColumnInfo column) throws IOException {
        out.writeStartObject();
        JsonOut.string(out, NAME, column.name);
        JsonOut.string(out, DESCRIPTION, column.description == null ? "" : column.description);
        JsonOut.field(out, META, column.meta);
        JsonOut.string(out, DATA_TYPE, column.dataType);
        JsonOut.emptyArray(out, CONSTRAINTS);
        // The model keeps quote as a plain boolean, so "not set" and "false" look alike; dbt writes null for both.
        if (column.quote) {
            JsonOut.booleanField(out, QUOTE, true);
        } else {
            JsonOut.nullField(out, QUOTE);
        }
        JsonOut.strings(out, TAGS, column.tags);
        JsonOut.nullField(out, GRANULARITY);
        out.writeEndObject();
    }
}
