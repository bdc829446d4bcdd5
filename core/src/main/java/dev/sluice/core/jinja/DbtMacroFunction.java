package dev.sluice.core.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.fn.MacroFunction;
import java.util.List;
import java.util.Map;

/**
 * A dbt macro: a Jinjava macro whose call returns the value given to {@code return()} when there is one (any object,
 * not only a string), and otherwise its rendered text.
 */
final class DbtMacroFunction extends MacroFunction {
    private final String packageName;

    DbtMacroFunction(MacroFunction parsed, String name, String packageName) {
        super(parsed, name);
        this.packageName = packageName;
    }

    String packageName() {
        return packageName;
    }

    /** Target of {@link CallChains}: {@code adapter.dispatch(...)(args)} calls the returned macro here. */
    public Object __call__(Object... args) {
        return evaluate(args);
    }

    @Override
    public Object doEvaluate(Map<String, Object> argMap, Map<String, Object> kwargMap, List<Object> varArgs) {
        JinjavaInterpreter interpreter = JinjavaInterpreter.getCurrent();
        RenderSession session = interpreter == null ? null
                : (RenderSession) interpreter.getContext().get(RenderSession.CONTEXT_KEY);
        if (session == null) {
            return super.doEvaluate(argMap, kwargMap, varArgs);
        }
        if (session.halted()) {
            return "";
        }
        RenderSession.ReturnFrame frame = session.push();
        try {
            Object text = super.doEvaluate(argMap, kwargMap, varArgs);
            return frame.returned ? frame.value : text;
        } finally {
            session.pop();
        }
    }
}
