package dev.sluice.core.jinja;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.project.EnvVars;
import dev.sluice.core.project.YamlReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The parts of dbt's context every render has, YAML and SQL alike: {@code var}, {@code env_var}, {@code return},
 * {@code log}, {@code exceptions}, {@code modules}, {@code tojson}/{@code fromjson}/{@code toyaml}/{@code fromyaml},
 * {@code zip}, {@code set}. Node-specific functions ({@code ref}, {@code config}, ...) are added by the compiler.
 */
public final class ContextFunctions {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ContextFunctions() {
    }

    /** Looks a var up; returns {@link #MISSING} when it is not defined anywhere. */
    public interface VarLookup {
        Object lookup(String name);
    }

    public static final Object MISSING = new Object();

    public static Map<String, Object> base(VarLookup vars, EnvVars env, Consumer<String> logger, String varsOwner) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("var", var(vars, varsOwner));
        context.putAll(invariant(env, logger));
        return context;
    }

    /**
     * The base functions but {@code var}: they depend only on the environment and the logger, hold no state of their
     * own (a render's state is its {@link RenderSession}), so one copy serves every render of an invocation, on any
     * thread. {@code exceptions} and {@code modules} are read-only namespaces, as in dbt.
     */
    static Map<String, Object> invariant(EnvVars env, Consumer<String> logger) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("env_var", DbtFunction.of("env_var", args -> {
            String name = args.requireString(0, "var");
            return env.get(name).map(v -> (Object) v).orElseGet(() -> {
                if (args.has(1, "default")) {
                    return args.get(1, "default");
                }
                throw fail(ErrorCode.COMPILATION, "Env var required but not provided: '" + name + "'");
            });
        }));
        context.put("return", DbtFunction.of("return", args -> {
            session().setReturn(args.get(0, "value"));
            return "";
        }));
        context.put("log", DbtFunction.of("log", args -> {
            if (!session().halted()) {
                logger.accept(String.valueOf(args.get(0, "msg")));
            }
            return "";
        }));
        context.put("print", DbtFunction.of("print", args -> {
            if (!session().halted()) {
                logger.accept(String.valueOf(args.get(0, "msg")));
            }
            return "";
        }));
        context.put("exceptions", java.util.Collections.unmodifiableMap(exceptions(logger)));
        context.put("modules", java.util.Collections.unmodifiableMap(PythonModules.create()));
        context.put("tojson", DbtFunction.of("tojson", args -> writeJson(args.get(0, "value"),
                Boolean.TRUE.equals(args.get(1, "sort_keys")))));
        context.put("fromjson", DbtFunction.of("fromjson", args -> readJson(args.string(0, "string"), args.get(1, "default"))));
        context.put("toyaml", DbtFunction.of("toyaml", args -> new org.yaml.snakeyaml.Yaml().dump(args.get(0, "value"))));
        context.put("fromyaml", DbtFunction.of("fromyaml", args -> {
            String text = args.string(0, "value");
            return text == null ? args.get(1, "default") : YamlReader.parse(text, "fromyaml()");
        }));
        context.put("zip", DbtFunction.of("zip", ContextFunctions::zip));
        context.put("dict", DbtFunction.of("dict", ContextFunctions::dict));
        context.put("set", DbtFunction.of("set", args -> new ArrayList<>(new LinkedHashSet<>(asList(args.get(0, "value"))))));
        context.put("dbt_version", "1.9.0");
        // Jinjava's lexer cannot read "'" inside a filter call, so escape_single_quotes calls this instead
        context.put("__sluice_escape_quotes", DbtFunction.of("__sluice_escape_quotes",
                args -> String.valueOf(args.get(0, "value")).replace("'", "''")));
        return context;
    }

    /** {@code var(name, default)}: {@code owner} names the node in the error for a var defined nowhere. */
    static DbtFunction var(VarLookup vars, String owner) {
        return DbtFunction.of("var", args -> {
            String name = args.requireString(0, "name");
            Object value = vars.lookup(name);
            if (value != MISSING) {
                return value;
            }
            if (args.has(1, "default")) {
                return args.get(1, "default");
            }
            throw fail(ErrorCode.COMPILATION, "Required var '" + name + "' not found in config"
                    + (owner == null ? "" : ": vars supplied to " + owner + " do not define it"));
        });
    }

    private static Map<String, Object> exceptions(Consumer<String> logger) {
        Map<String, Object> exceptions = new LinkedHashMap<>();
        exceptions.put("raise_compiler_error", DbtFunction.of("raise_compiler_error", args -> {
            SluiceException error = fail(ErrorCode.COMPILATION, String.valueOf(args.get(0, "msg")));
            session().fail(error);
            throw error;
        }));
        exceptions.put("warn", DbtFunction.of("warn", args -> {
            if (!session().halted()) {
                logger.accept("[WARNING]: " + args.get(0, "msg"));
            }
            return "";
        }));
        exceptions.put("raise_not_implemented", DbtFunction.of("raise_not_implemented", args -> {
            SluiceException error = fail(ErrorCode.COMPILATION, "not implemented: " + args.get(0, "msg"));
            session().fail(error);
            throw error;
        }));
        return exceptions;
    }

    static RenderSession session() {
        JinjavaInterpreter interpreter = JinjavaInterpreter.getCurrent();
        Object session = interpreter == null ? null : interpreter.getContext().get(RenderSession.CONTEXT_KEY);
        return session instanceof RenderSession s ? s : new RenderSession();
    }

    /** Builds an error and records it as the render's fatal error, so it survives Jinjava's own error handling. */
    public static SluiceException fail(ErrorCode code, String message) {
        SluiceException error = new SluiceException(code, message);
        session().fail(error);
        return error;
    }

    /** Python's {@code json.dumps}: {@code ", "} and {@code ": "} separators, non-ASCII escaped. */
    static String writeJson(Object value, boolean sortKeys) {
        try {
            com.fasterxml.jackson.databind.ObjectWriter writer = JSON.writer(new PythonJsonSeparators())
                    .with(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII);
            if (sortKeys) {
                writer = writer.with(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
            }
            return writer.writeValueAsString(value);
        } catch (Exception e) {
            throw new JinjaCallException("tojson: " + e.getMessage(), e);
        }
    }

    /** The separators of Python's json.dumps defaults. */
    private static final class PythonJsonSeparators extends com.fasterxml.jackson.core.util.MinimalPrettyPrinter {
        @Override
        public void writeObjectFieldValueSeparator(com.fasterxml.jackson.core.JsonGenerator g) throws java.io.IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(com.fasterxml.jackson.core.JsonGenerator g) throws java.io.IOException {
            g.writeRaw(", ");
        }

        @Override
        public void writeArrayValueSeparator(com.fasterxml.jackson.core.JsonGenerator g) throws java.io.IOException {
            g.writeRaw(", ");
        }
    }

    private static Object readJson(String text, Object fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return JSON.readValue(text, Object.class);
        } catch (Exception e) {
            return fallback;
        }
    }

    private static Object zip(Args args) {
        List<List<Object>> lists = new ArrayList<>();
        for (Object item : args.positional()) {
            lists.add(asList(item));
        }
        List<Object> out = new ArrayList<>();
        int size = lists.stream().mapToInt(List::size).min().orElse(0);
        for (int i = 0; i < size; i++) {
            List<Object> tuple = new ArrayList<>();
            for (List<Object> list : lists) {
                tuple.add(list.get(i));
            }
            out.add(tuple);
        }
        return out;
    }

    /** Python's {@code dict(mapping_or_pairs, **kwargs)}. */
    private static Object dict(Args args) {
        Map<Object, Object> out = new LinkedHashMap<>();
        Object first = args.positional().isEmpty() ? null : args.positional().get(0);
        if (first instanceof Map<?, ?> map) {
            out.putAll(map);
        } else if (first != null) {
            for (Object pair : asList(first)) {
                List<Object> kv = asList(pair);
                out.put(kv.get(0), kv.get(1));
            }
        }
        out.putAll(args.keywords());
        return out;
    }

    @SuppressWarnings("unchecked")
    static List<Object> asList(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return (List<Object>) list;
        }
        if (value instanceof Iterable<?> iterable) {
            List<Object> out = new ArrayList<>();
            iterable.forEach(out::add);
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            return new ArrayList<>(map.keySet());
        }
        if (value instanceof String text) {
            List<Object> out = new ArrayList<>();
            text.chars().forEach(c -> out.add(String.valueOf((char) c)));
            return out;
        }
        return List.of(value);
    }
}
