package dev.sluice.spi;

/**
 * Entry point of a warehouse adapter, found with {@link java.util.ServiceLoader} under
 * {@code META-INF/services/dev.sluice.spi.AdapterFactory}. {@link #type()} is the {@code type:} a profiles.yml target names.
 */
public interface AdapterFactory {
    String type();

    /** Opens the warehouse described by the target. Fails with {@link AdapterException} when it cannot connect. */
    Adapter create(TargetConfig target, AdapterContext context);
}
