package dev.sluice.cli;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** --vars and run-operation --args: a YAML (or JSON, which is YAML) mapping given on the command line. */
public final class YamlArgs {
    private YamlArgs() {
    }

    /** An empty map for null or blank text; a SluiceException (exit 2) for invalid YAML or a non-mapping. */
    public static Map<String, Object> parseMapping(String flag, String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        Object value;
        try {
            value = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            throw new SluiceException(ErrorCode.YAML_INVALID,
                    "The " + flag + " argument is not valid YAML: " + e.getMessage().strip());
        }
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new SluiceException(ErrorCode.CONFIG_INVALID, "The " + flag
                    + " argument must be a YAML dictionary, but was of type '" + typeName(value) + "'");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static String typeName(Object value) {
        if (value instanceof String) {
            return "str";
        }
        if (value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger) {
            return "int";
        }
        if (value instanceof Double) {
            return "float";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof java.util.List) {
            return "list";
        }
        return value.getClass().getSimpleName();
    }
}
