package dev.sluice.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --log-format json}: one object per line, shaped as dbt's structured logs:
 * {@code {"info": {"name", "msg", "level", "ts", "invocation_id", "thread", "pid", "category", "extra"}, "data": {...}}}.
 */
public final class JsonLines {
    /** Built on first use: most invocations print text, and an ObjectMapper is slow to start. */
    private ObjectMapper mapper;
    private final String invocationId;
    private final long pid = ProcessHandle.current().pid();

    public JsonLines(String invocationId) {
        this.invocationId = invocationId;
    }

    public String line(LogRecord r) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("name", r.name());
        info.put("msg", r.msg());
        info.put("level", r.level().name().toLowerCase(Locale.ROOT));
        info.put("ts", r.ts().toString());
        info.put("invocation_id", invocationId);
        info.put("thread", r.thread());
        info.put("pid", pid);
        info.put("category", "");
        info.put("extra", Map.of());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("data", r.data());
        root.put("info", info);
        return write(root);
    }

    /** Any value as compact JSON; {@code pretty} indents by two spaces (show/compile --output json). */
    public String write(Object value, boolean pretty) {
        try {
            return pretty ? mapper().writer(pythonIndent()).writeValueAsString(value)
                    : mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /** Python's {@code json.dumps(indent=2)} layout, which dbt's JSON output has: {@code "key": value}. */
    private static DefaultPrettyPrinter pythonIndent() {
        return new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withArrayEmptySeparator("").withObjectEmptySeparator(""))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));
    }

    private synchronized ObjectMapper mapper() {
        if (mapper == null) {
            mapper = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        }
        return mapper;
    }

    private String write(Object value) {
        return write(value, false);
    }
}
