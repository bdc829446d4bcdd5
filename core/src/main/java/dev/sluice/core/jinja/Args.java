package dev.sluice.core.jinja;

import java.util.List;
import java.util.Map;

/** Positional and keyword arguments of one call, looked up the Python way: by position, or by keyword. */
public record Args(String function, List<Object> positional, Map<String, Object> keywords) {

    public Object get(int index, String keyword) {
        if (keywords.containsKey(keyword)) {
            return keywords.get(keyword);
        }
        return index < positional.size() ? positional.get(index) : null;
    }

    public Object get(int index, String keyword, Object fallback) {
        if (keywords.containsKey(keyword)) {
            return keywords.get(keyword);
        }
        return index < positional.size() ? positional.get(index) : fallback;
    }

    public boolean has(int index, String keyword) {
        return keywords.containsKey(keyword) || index < positional.size();
    }

    public String string(int index, String keyword) {
        Object value = get(index, keyword);
        return value == null ? null : String.valueOf(value);
    }

    public String requireString(int index, String keyword) {
        Object value = get(index, keyword);
        if (value == null) {
            throw new JinjaCallException(function + "() is missing its argument '" + keyword + "'");
        }
        return String.valueOf(value);
    }

    public int size() {
        return positional.size();
    }
}
