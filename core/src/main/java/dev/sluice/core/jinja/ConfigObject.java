package dev.sluice.core.jinja;

import dev.sluice.core.errors.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code config}: called as {@code config(materialized='table')} it records configuration (at parse time); its
 * {@code get} and {@code require} read the node's resolved configuration.
 */
public final class ConfigObject extends DbtFunction {
    private final ContextHost host;

    ConfigObject(ContextHost host) {
        super("config");
        this.host = host;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected Object call(Args args) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Object positional : args.positional()) {
            if (positional instanceof Map<?, ?> map) {
                map.forEach((k, v) -> values.put(String.valueOf(k), v));
            }
        }
        values.putAll(args.keywords());
        host.config(values);
        return "";
    }

    public Object get(Object... args) {
        String key = String.valueOf(args[0]);
        Object value = host.configValue(key);
        if (value == null && args.length > 1) {
            return args[1];
        }
        return value;
    }

    public Object require(Object key) {
        Object value = host.configValue(String.valueOf(key));
        if (value == null) {
            throw ContextFunctions.fail(ErrorCode.COMPILATION, "config value '" + key + "' is required but not set");
        }
        return value;
    }
}
