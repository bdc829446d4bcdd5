package dev.sluice.core.jinja;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;

/** A Jinjava interpreter that prints values as Python does where Jinjava differs: {@code True} and {@code False}. */
final class PythonInterpreter extends JinjavaInterpreter {
    PythonInterpreter(Jinjava jinjava, Context context, JinjavaConfig config) {
        super(jinjava, context, config);
    }

    @Override
    public String getAsString(Object object) {
        if (object instanceof Boolean b) {
            return b ? "True" : "False";
        }
        return super.getAsString(object);
    }
}
