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
 */
final class RenderContext extends Context {
    RenderContext(Context parent, Map<String, ?> bindings, Map<Context.Library, Set<String>> disabled) {
        super(parent, bindings, disabled);
        setDynamicVariableResolver(name -> super.getGlobalMacro(name));
    }

    @Override
    public MacroFunction getGlobalMacro(String identifier) {
        MacroFunction macro = super.getGlobalMacro(identifier);
        if (macro != null) {
            return macro;
        }
        JinjavaInterpreter current = JinjavaInterpreter.getCurrent();
        Object value = current == null ? null : current.getContext().get(identifier);
        return value instanceof MacroFunction held ? held : null;
    }
}
