package dev.sluice.core.artifacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** {@code refs} as dbt 1.5+ writes them ({name, package, version}) and {@code sources} as [source, table] pairs. */
final class RefJson {
    private RefJson() {
    }

    /**
     * Each parsed ref is {@code [name]}, {@code [package, name]} or {@code [package, name, version]} (package may be
     * null when only a version was given).
     */
    static ArrayNode refs(List<List<String>> refs) {
        ArrayNode out = Json.array();
        for (List<String> ref : refs) {
            if (ref == null || ref.isEmpty()) {
                continue;
            }
            ObjectNode item = Json.object();
            String name = ref.size() == 1 ? ref.get(0) : ref.get(1);
            item.put("name", name);
            item.put("package", ref.size() >= 2 ? ref.get(0) : null);
            item.set("version", ref.size() >= 3 ? version(ref.get(2)) : Json.value(null));
            out.add(item);
        }
        return out;
    }

    static ArrayNode sources(List<List<String>> sources) {
        ArrayNode out = Json.array();
        for (List<String> source : sources) {
            out.add(Json.strings(source));
        }
        return out;
    }

    /** Versions are numbers in YAML ({@code v: 2}); keep them numeric in JSON when they look like one. */
    private static JsonNode version(String version) {
        if (version == null) {
            return Json.value(null);
        }
        try {
            return Json.value(Long.parseLong(version.trim()));
        } catch (NumberFormatException notInteger) {
            return Json.value(version);
        }
    }
}
