package dev.sluice.core.api;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code run-operation}: calls one macro with the warehouse connected and {@code execute} true. */
final class RunOperation {
    private final Session session;

    RunOperation(Session session) {
        this.session = session;
    }

    String call(String macro, Map<String, Object> args) {
        String[] parts = macro.split("\\.", 2);
        String pkg = parts.length == 2 ? parts[0] : session.project.name();
        String name = parts.length == 2 ? parts[1] : parts[0];
        boolean known = session.parsed.macros().find(pkg, name).isPresent()
                || (parts.length == 1 && session.parsed.macros().find("dbt", name).isPresent());
        if (!known) {
            throw new SluiceException(ErrorCode.COMPILATION, "Run operation: no macro named '" + macro
                    + "' in the project");
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        List<String> kwargs = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, Object> arg : (args == null ? Map.<String, Object>of() : args).entrySet()) {
            String variable = "__sluice_arg" + i++;
            extra.put(variable, arg.getValue());
            kwargs.add(arg.getKey() + "=" + variable);
        }
        String call = "{{ " + (parts.length == 2 ? macro : name) + "(" + String.join(", ", kwargs) + ") }}";
        return session.compiler().renderInContext(call, null, "run-operation " + macro, extra).strip();
    }
}
