package dev.sluice.core.artifacts;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sluice.core.manifest.Macro;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One entry of {@code macros}. */
final class MacroJson {
    private static final Pattern LANGUAGES = Pattern.compile("supported_languages\\s*=\\s*\\[([^]]*)]");

    private final BigDecimal createdAt;

    MacroJson(BigDecimal createdAt) {
        this.createdAt = createdAt;
    }

    void write(JsonGenerator out, Macro macro) throws IOException {
        out.writeStartObject();
        JsonOut.string(out, "name", macro.name());
        JsonOut.string(out, "resource_type", "macro");
        JsonOut.string(out, "package_name", macro.packageName());
        JsonOut.string(out, "path", macro.path());
        JsonOut.string(out, "original_file_path", macro.originalFilePath());
        JsonOut.string(out, "unique_id", macro.uniqueId());
        JsonOut.string(out, "macro_sql", macro.macroSql() == null ? "" : macro.macroSql());
        out.writeObjectFieldStart("depends_on");
        JsonOut.emptyArray(out, "macros");
        out.writeEndObject();
        JsonOut.string(out, "description", "");
        out.writeObjectFieldStart("meta");
        out.writeEndObject();
        out.writeObjectFieldStart("docs");
        out.writeBooleanField("show", true);
        out.writeNullField("node_color");
        out.writeEndObject();
        out.writeNullField("patch_path");
        // dbt lists only arguments documented in a macro properties YAML, never the signature's; Sluice does not
        // parse those yet, so this is [] like an undocumented dbt macro.
        JsonOut.emptyArray(out, "arguments");
        out.writeFieldName("created_at");
        out.writeNumber(createdAt);
        List<String> languages = supportedLanguages(macro);
        if (languages == null) {
            out.writeNullField("supported_languages");
        } else {
            JsonOut.strings(out, "supported_languages", languages);
        }
        out.writeEndObject();
    }

    /** Only materializations declare languages; dbt's default for them is sql alone, and null for other macros. */
    private static List<String> supportedLanguages(Macro macro) {
        if (!macro.name().startsWith("materialization_")) {
            return null;
        }
        List<String> out = new ArrayList<>();
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
