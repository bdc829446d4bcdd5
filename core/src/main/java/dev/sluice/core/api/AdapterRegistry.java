package dev.sluice.core.api;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.spi.AdapterFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** The warehouse adapters this process knows, by profiles.yml {@code type:}. An object, never a static registry. */
public final class AdapterRegistry {
    private final Map<String, AdapterFactory> byType = new LinkedHashMap<>();

    public AdapterRegistry(List<AdapterFactory> factories) {
        factories.forEach(f -> byType.put(f.type(), f));
    }

    /** Every adapter on the class path, found through {@link ServiceLoader}. */
    public static AdapterRegistry fromClassPath() {
        return new AdapterRegistry(ServiceLoader.load(AdapterFactory.class).stream().map(ServiceLoader.Provider::get)
                .toList());
    }

    public AdapterFactory get(String type) {
        AdapterFactory factory = byType.get(type);
        if (factory == null) {
            throw new SluiceException(ErrorCode.ADAPTER_NOT_FOUND, "Could not find adapter type " + type
                    + "! Sluice has adapters for: " + String.join(", ", byType.keySet()));
        }
        return factory;
    }
}
