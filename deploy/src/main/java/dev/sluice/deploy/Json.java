package dev.sluice.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON columns of the store (command lists, connection settings). */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> stringList(String json) {
        try {
            return json == null ? List.of() : List.copyOf(MAPPER.readValue(json, new TypeReference<List<String>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bad JSON in the deploy store: " + json, e);
        }
    }

    public static Map<String, String> stringMap(String json) {
        try {
            return json == null ? new LinkedHashMap<>()
                    : MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bad JSON in the deploy store: " + json, e);
        }
    }
}
