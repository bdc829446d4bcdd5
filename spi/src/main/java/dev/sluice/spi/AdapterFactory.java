package dev.sluice.spi;

/**
 * Entry point of a warehouse adapter, found with {@link java.util.ServiceLoader} under
 * {@code META-INF/services/dev.sluice.spi.AdapterFactory}. {@link #type()} is the {@code type:} a profiles.yml target names.
 */
public interface AdapterFactory {
    String type();

    /** The SQL spelling of this warehouse; available without a connection, for parsing and compiling. */
    SqlDialect dialect();

    /**
     * Fills in what the target leaves implicit (the database a DuckDB file path names, a default schema), without
     * connecting, so that parse and compile know every relation's name.
     */
    default TargetConfig normalize(TargetConfig target) {
        return target;
    }

    /**
     * Jinja macros this adapter adds to Sluice's built-in {@code dbt} package, typically {@code <type>__name}
     * implementations of the cross-database macros ({@code duckdb__dateadd}). Empty by default.
     */
    default String macros() {
        return "";
    }

    /**
     * Starts, off the caller's thread, the one-time work {@link #create} will need (loading a driver's native library,
     * say), so that it overlaps with parsing. The engine calls it early in commands that will connect; calling it
     * again, or never, is harmless, and a failure in it must surface from {@link #create}, not from here.
     */
    default void prepare() {
    }

    /** Opens the warehouse described by the target. Fails with {@link AdapterException} when it cannot connect. */
    Adapter create(TargetConfig target, AdapterContext context);
}
