package dev.sluice.core.manifest.parse;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.jinja.ContextFunctions;
import dev.sluice.core.jinja.DbtFunction;
import dev.sluice.core.jinja.JinjaEngine;
import dev.sluice.core.manifest.Doc;
import dev.sluice.core.project.EnvVars;
import dev.sluice.core.project.Vars;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Renders the Jinja in one schema file's YAML values ({@code doc()}, {@code var()}, {@code env_var()}, {@code target}),
 * sending what it logs to the file's own consumer. The context is built on the first value that holds Jinja: most
 * schema files have none.
 */
final class SchemaJinja implements Function<String, String> {
    private final JinjaEngine jinja;
    private final String packageName;
    private final Vars vars;
    private final EnvVars env;
    private final Map<String, Doc> docs;
    private final ParseTarget target;
    private final String file;
    private final Consumer<String> logger;
    private Map<String, Object> context;

    SchemaJinja(JinjaEngine jinja, String packageName, Vars vars, EnvVars env, Map<String, Doc> docs,
                ParseTarget target, String file, Consumer<String> logger) {
        this.jinja = jinja;
        this.packageName = packageName;
        this.vars = vars;
        this.env = env;
        this.docs = docs;
        this.target = target;
        this.file = file;
        this.logger = logger;
    }

    @Override
    public String apply(String text) {
        if (context == null) {
            context = context();
        }
        return jinja.renderPlain(text, context, file);
    }

    private Map<String, Object> context() {
        Map<String, Object> out = new LinkedHashMap<>(ContextFunctions.base(vars.forPackage(packageName), env, logger,
                null));
        out.put("target", target.targetContext());
        out.put("doc", DbtFunction.of("doc", args -> {
            String name = args.requireString(args.size() > 1 ? 1 : 0, "name");
            String docPackage = args.size() > 1 ? args.string(0, "package") : packageName;
            Doc doc = docs.get("doc." + docPackage + "." + name);
            if (doc == null) {
                throw ContextFunctions.fail(ErrorCode.COMPILATION, "Documentation for '" + name + "' not found");
            }
            return doc.blockContents();
        }));
        return out;
    }
}
