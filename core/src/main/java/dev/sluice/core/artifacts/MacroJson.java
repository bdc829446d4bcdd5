package dev.sluice.core.artifacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.manifest.Macro;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One entry of {@code macros}. */
final class MacroJson {
    private static final Pattern LANGUAGES = Pattern.compile("supported_languages\\s*=\\s*\\[([^]]*)]");

    private final JsonNode createdAt;

    MacroJson(JsonNode createdAt) {
        this.createdAt = createdAt;
    }

    ObjectNode toJson(Macro macro) {
        ObjectNode out = Json.object();
        out.put("name", macro.name());
        out.put("resource_type", "macro");
        out.put("package_name", macro.packageName());
        out.put("path", macro.path());
        out.put("original_file_path", macro.originalFilePath());
        out.put("unique_id", macro.uniqueId());
        out.put("macro_sql", macro.macroSql() == null ? "" : macro.macroSql());
        ObjectNode dependsOn = Json.object();
        dependsOn.set("macros", Json.array());
        out.set("depends_on", dependsOn);
        out.put("description", "");
        out.set("meta", Json.object());
        ObjectNode docs = Json.object();
        docs.put("show", true);
        docs.putNull("node_color");
        out.set("docs", docs);
        out.putNull("patch_path");
        // dbt lists only arguments documented in a macro properties YAML, never the signature's; Sluice does not
        // parse those yet, so this is [] like an undocumented dbt macro.
        out.set("arguments", Json.array());
        out.set("created_at", createdAt);
        out.set("supported_languages", supportedLanguages(macro));
        return out;
    }

    /** Only materializations declare languages; dbt's default for them is sql alone, and null for other macros. */
    private static JsonNode supportedLanguages(Macro macro) {
        if (!macro.name().startsWith("materialization_")) {
            return Json.value(null);
        }
        ArrayNode out = Json.array();
        Matcher m = LANGUAGES.matcher(macro.macroSql() == null ? "" : macro.macroSql());
        if (m.find()) {
            for (String item : m.group(1).split(",")) {
                String language = item.trim().replace("'", "").replace("\"", "");
                if (!language.isEmpty()) {
                    out.add(language);
                }
            }
        }
        if (out.isEmpty()) {
            out.add("sql");
        }
        return out;
    }
}
