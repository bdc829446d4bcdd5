package dev.sluice.core.jinja;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELResolver;

/**
 * Python's methods on {@code str} ({@code name.lower()}, {@code path.split('.')}, {@code '{}_{}'.format(a, b)}, ...)
 * and the dict methods Jinjava's maps lack ({@code pop}, {@code setdefault}, {@code copy}). Jinjava otherwise calls
 * the Java methods of the value, which either do not exist ({@code upper}, {@code startswith}) or mean something else
 * ({@code split} takes a regular expression, so {@code 'a.b'.split('.')} would be empty). Placed first in the
 * resolver chain, it answers only for these names; a dict key of the same name still wins.
 */
final class PythonMethods extends ELResolver {
    private static final Set<String> DICT_METHODS = Set.of("pop", "setdefault", "copy");

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (!(property instanceof String name)) {
            return null;
        }
        if (base instanceof String text && PyStr.METHODS.contains(name)) {
            context.setPropertyResolved(true);
            return DbtFunction.of(name, args -> PyStr.call(text, name, args));
        }
        if (base instanceof Map<?, ?> map && DICT_METHODS.contains(name) && !map.containsKey(name)) {
            context.setPropertyResolved(true);
            @SuppressWarnings("unchecked")
            Map<Object, Object> dict = (Map<Object, Object>) map;
            return DbtFunction.of(name, args -> dictMethod(dict, name, args));
        }
        return null;
    }

    private static Object dictMethod(Map<Object, Object> dict, String name, Args args) {
        Object key = args.get(0, "key");
        switch (name) {
            case "pop":
                if (dict.containsKey(key)) {
                    return dict.remove(key);
                }
                if (args.size() > 1) {
                    return args.get(1, "default");
                }
                throw new JinjaCallException("KeyError: '" + key + "'");
            case "setdefault":
                if (!dict.containsKey(key)) {
                    dict.put(key, args.get(1, "default"));
                }
                return dict.get(key);
            default:
                return new java.util.LinkedHashMap<>(dict);
        }
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        // never resolves a write
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return false;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return null;
    }
}
