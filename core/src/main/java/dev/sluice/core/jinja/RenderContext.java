package dev.sluice.core.jinja;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.fn.MacroFunction;
import java.util.Map;
import java.util.Set;

/**
 * The root scope of one render. Jinjava calls {@code name(...)} only when {@code name} is a global macro; Python's
 * Jinja calls any variable holding a macro ({@code {% set f = my_macro %}{{ f(1) }}}, or a macro passed as an
 * argument and called inside another macro). Every scope of the render asks its root for global macros, so this is
 * where a variable of the current scope holding a macro is found. The other half: a macro's bare name used as a value
 * ({@code {% set f = my_macro %}}, {@code apply(my_macro)}) is the macro, through the dynamic variable resolver that
 * every child scope inherits.
 *
 * <p>The global macros are looked up, not copied in: a macro the template defines itself, then a function of the
 * context ({@code ref}, {@code config}, ...), then a macro of the library visible from the node's package. Jinjava's
 * records of resolved expressions, values and functions (used only by its eager mode) stop here, so nothing of a
 * render reaches the engine's global context, which every render on every thread shares.
 */
final class RenderContext extends Context {
    private final Map<String, ? extends MacroFunction> functions;
    private final Map<String, ? extends MacroFunction> library;

    RenderContext(Context parent, Map<String, ?> bindings, Map<Context.Library, Set<String>> disabled,
                  Map<String, ? extends MacroFunction> functions, Map<String, ? extends MacroFunction> library) {
        super(parent, bindings, disabled);
        this.functions = functions;
        this.library = library;
        setDynamicVariableResolver(this::macroNamed);
    }

    private MacroFunction macroNamed(String name) {
        MacroFunction macro = super.getGlobalMacro(name);
        if (macro == null) {
            macro = functions.get(name);
        }
        return macro != null ? macro : library.get(name);
    }

    @Override
    public MacroFunction getGlobalMacro(String identifier) {
        MacroFunction macro = macroNamed(identifier);
        if (macro != null) {
            return macro;
        }
        JinjavaInterpreter current = JinjavaInterpreter.getCurrent();
        Object value = current == null ? null : current.getContext().get(identifier);
        return value instanceof MacroFunction held ? held : null;
    }

    @Override
    public void addResolvedExpression(String expression) {
        // not tracked: see the class comment
    }

    @Override
    public void addResolvedValue(String value) {
        // not tracked: see the class comment
    }

    @Override
    public void addResolvedFunction(String function) {
        // not tracked: see the class comment
    }
}
