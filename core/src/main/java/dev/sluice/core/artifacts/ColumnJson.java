package dev.sluice.core.artifacts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.manifest.ColumnInfo;

import java.util.Map;

/** The {@code columns} object of nodes and sources: {name: {name, description, meta, data_type, ...}}. */
final class ColumnJson {
    private ColumnJson() {
    }

    static ObjectNode columns(Map<String, ColumnInfo> columns) {
        ObjectNode out = Json.object();
        columns.forEach((key, column) -> out.set(key, column(column)));
        return out;
    }

    static ObjectNode column(ColumnInfo column) {
        ObjectNode out = Json.object();
        out.put("name", column.name);
        out.put("description", column.description == null ? "" : column.description);
        out.set("meta", Json.value(column.meta));
        out.put("data_type", column.dataType);
        out.set("constraints", Json.array());
        // The model keeps quote as a plain boolean, so "not set" and "false" look alike; dbt writes null for both.
        if (column.quote) {
            out.put("quote", true);
        } else {
            out.putNull("quote");
        }
        out.set("tags", Json.strings(column.tags));
        out.putNull("granularity");
        return out;
    }
}
