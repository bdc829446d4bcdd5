package dev.sluice.core.manifest.parse;

import dev.sluice.core.jinja.JinjaEngine;
import dev.sluice.core.jinja.MacroLibrary;
import dev.sluice.core.jinja.RenderSession;
import dev.sluice.core.manifest.Node;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gives a node its database, schema and alias by calling the project's (or Sluice's default)
 * {@code generate_database_name}, {@code generate_schema_name} and {@code generate_alias_name} macros, as dbt does
 * while parsing.
 */
final class RelationNaming {
    private final JinjaEngine jinja;
    private final MacroLibrary macros;

    RelationNaming(JinjaEngine jinja, MacroLibrary macros) {
        this.jinja = jinja;
        this.macros = macros;
    }

    void apply(Node node, Map<String, Object> baseContext) {
        Map<String, Object> dict = NodeDicts.of(node);
        node.database = call("generate_database_name", node.config.get("database"), dict, node, baseContext);
        node.schema = call("generate_schema_name", node.config.get("schema"), dict, node, baseContext);
        node.alias = call("generate_alias_name", node.config.get("alias"), dict, node, baseContext);
        if (node.resourceType == dev.sluice.core.manifest.ResourceType.SNAPSHOT) {
            // dbt's older snapshot configs name the schema and database as they are, without the naming macros
            if (node.config.get("target_schema") != null) {
                node.schema = String.valueOf(node.config.get("target_schema"));
            }
            if (node.config.get("target_database") != null) {
                node.database = String.valueOf(node.config.get("target_database"));
            }
        }
    }

    private String call(String macro, Object custom, Map<String, Object> dict, Node node, Map<String, Object> base) {
        Map<String, Object> context = new LinkedHashMap<>(base);
        context.put("__custom", custom);
        context.put("__node", dict);
        String out = jinja.render("{{ " + macro + "(__custom, __node) }}", context, macros, node.packageName,
                node.originalFilePath, new RenderSession()).strip();
        return out.isEmpty() || out.equals("None") ? null : out;
    }
}
