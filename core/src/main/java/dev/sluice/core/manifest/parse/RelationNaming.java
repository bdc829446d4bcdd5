package dev.sluice.core.manifest.parse;

import dev.sluice.core.jinja.JinjaEngine;
import dev.sluice.core.jinja.MacroLibrary;
import dev.sluice.core.jinja.RenderSession;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.ResourceType;
import dev.sluice.core.parallel.Memo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Gives a node its database, schema and alias by calling the project's (or Sluice's default)
 * {@code generate_database_name}, {@code generate_schema_name} and {@code generate_alias_name} macros, as dbt does
 * while parsing. When nothing overrides a macro (neither the project, a package nor the adapter) and its argument is a
 * plain string or none, its result is computed here exactly as Sluice's built-in macro would render it, without
 * Jinja.
 */
final class RelationNaming {
    static final String DATABASE = "generate_database_name";
    static final String SCHEMA = "generate_schema_name";
    static final String ALIAS = "generate_alias_name";

    private final JinjaEngine jinja;
    private final MacroLibrary macros;
    private final String adapterType;
    private final List<String> dbtDispatchOrder;
    private final Map<String, Object> target;
    private final Map<String, Boolean> builtIn = new java.util.concurrent.ConcurrentHashMap<>();

    RelationNaming(JinjaEngine jinja, MacroLibrary macros, String adapterType, DispatchOrder dispatchOrder,
                   Map<String, Object> target) {
        this.jinja = jinja;
        this.macros = macros;
        this.adapterType = adapterType;
        this.dbtDispatchOrder = dispatchOrder.forNamespace(MacroLibrary.INTERNAL_PACKAGE);
        this.target = target;
    }

    /** {@code baseContext} is asked for only when a macro has to be rendered. */
    void apply(Node node, Supplier<Map<String, Object>> baseContext) {
        Memo<Map<String, Object>> context = Memo.of(baseContext);
        node.database = name(DATABASE, node.config.get("database"), node, context);
        node.schema = name(SCHEMA, node.config.get("schema"), node, context);
        node.alias = name(ALIAS, node.config.get("alias"), node, context);
        if (node.resourceType == ResourceType.SNAPSHOT) {
            // dbt's older snapshot configs name the schema and database as they are, without the naming macros
            if (node.config.get("target_schema") != null) {
                node.schema = String.valueOf(node.config.get("target_schema"));
            }
            if (node.config.get("target_database") != null) {
                node.database = String.valueOf(node.config.get("target_database"));
            }
        }
    }

    private String name(String macro, Object custom, Node node, Memo<Map<String, Object>> context) {
        boolean plain = builtIn.computeIfAbsent(node.packageName + "/" + macro,
                k -> macros.isBuiltInDispatch(node.packageName, macro, adapterType, dbtDispatchOrder));
        String fast = plain ? builtInResult(macro, custom, node.name, target) : null;
        if (fast != null) {
            return result(fast);
        }
        return call(macro, custom, node, context.get());
    }

    /**
     * What Sluice's built-in naming macro renders (before the final strip), or null when this argument is not one the
     * shortcut understands (anything but a string or none, or a target without a string database or schema).
     */
    static String builtInResult(String macro, Object custom, String nodeName, Map<String, Object> target) {
        if (custom != null && !(custom instanceof String)) {
            return null;
        }
        String text = (String) custom;
        switch (macro) {
            case DATABASE -> {
                Object database = target.get("database");
                if (text != null) {
                    return text;
                }
                return database instanceof String s ? s : null;
            }
            case SCHEMA -> {
                if (!(target.get("schema") instanceof String schema)) {
                    return null;
                }
                return text == null ? schema : schema + "_" + text.trim();
            }
            case ALIAS -> {
                return text == null || text.isEmpty() ? nodeName : text.trim();
            }
            default -> {
                return null;
            }
        }
    }

    private static String result(String rendered) {
        String out = rendered.strip();
        return out.isEmpty() || out.equals("None") ? null : out;
    }

    private String call(String macro, Object custom, Node node, Map<String, Object> base) {
        Map<String, Object> context = new LinkedHashMap<>(base);
        context.put("__custom", custom);
        context.put("__node", NodeDicts.of(node));
        return result(jinja.render("{{ " + macro + "(__custom, __node) }}", context, macros, node.packageName,
                node.originalFilePath, new RenderSession()));
    }

}
