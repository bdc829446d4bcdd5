package dev.sluice.core.state;

import dev.sluice.core.state.StateManifest.StateMacro;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The macros a piece of Jinja calls, found by reading its {@code {{ }}} and {@code {% %}} blocks. Used when a
 * manifest does not record {@code depends_on.macros} (Sluice's parser does not track macro calls): calls to
 * {@code name(...)} and {@code package.name(...)} that name a macro of the manifest, and the implementations
 * {@code adapter.dispatch('name')} can reach. Macros of dbt's own internal package are left out, so an engine upgrade
 * does not mark every node modified. It over-approximates (a call in a branch never taken still counts).
 */
final class MacroCalls {
    private static final String INTERNAL_PACKAGE = "dbt";
    private static final Pattern BLOCK = Pattern.compile("\\{\\{(.*?)}}|\\{%(.*?)%}", Pattern.DOTALL);
    private static final Pattern CALL = Pattern.compile("(?<![\\w.])(?:([A-Za-z_]\\w*)\\.)?([A-Za-z_]\\w*)\\s*\\(");
    private static final Pattern DISPATCH = Pattern.compile("dispatch\\(\\s*(?:macro_name\\s*=\\s*)?['\"](\\w+)['\"]");

    private MacroCalls() {
    }

    /** Unique ids of the project macros {@code text} calls, resolved in {@code packageName} first. */
    static Set<String> in(String text, String packageName, Map<String, StateMacro> macros) {
        Set<String> out = new LinkedHashSet<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        Matcher block = BLOCK.matcher(text);
        while (block.find()) {
            String code = block.group(1) != null ? block.group(1) : block.group(2);
            Matcher call = CALL.matcher(code);
            while (call.find()) {
                resolve(call.group(1), call.group(2), packageName, macros, out);
            }
            Matcher dispatch = DISPATCH.matcher(code);
            while (dispatch.find()) {
                String suffix = "__" + dispatch.group(1);
                macros.values().stream()
                        .filter(m -> !INTERNAL_PACKAGE.equals(m.packageName()) && m.name() != null
                                && m.name().endsWith(suffix))
                        .forEach(m -> out.add(m.uniqueId()));
            }
        }
        return out;
    }

    private static void resolve(String namespace, String name, String packageName, Map<String, StateMacro> macros,
                                Set<String> out) {
        if (namespace != null) {
            StateMacro namespaced = macros.get("macro." + namespace + "." + name);
            if (namespaced != null && !INTERNAL_PACKAGE.equals(namespaced.packageName())) {
                out.add(namespaced.uniqueId());
            }
            return;
        }
        StateMacro own = packageName == null ? null : macros.get("macro." + packageName + "." + name);
        if (own != null && !INTERNAL_PACKAGE.equals(own.packageName())) {
            out.add(own.uniqueId());
            return;
        }
        for (StateMacro macro : macros.values()) {
            if (name.equals(macro.name()) && !INTERNAL_PACKAGE.equals(macro.packageName())) {
                out.add(macro.uniqueId());
                return;
            }
        }
    }

    /** The manifest's recorded dependencies when it has them, else the scanned ones. */
    static Set<String> of(List<String> recorded, String text, String packageName, Map<String, StateMacro> macros) {
        if (recorded != null && !recorded.isEmpty()) {
            return new LinkedHashSet<>(recorded);
        }
        return in(text, packageName, macros);
    }
}
