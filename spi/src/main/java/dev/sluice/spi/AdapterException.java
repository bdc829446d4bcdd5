package dev.sluice.spi;

/**
 * A failure reported by the warehouse or its driver. {@code userError} is true when the SQL or the configuration is at
 * fault (a syntax error, a missing table, a wrong password) and false for transient or internal faults.
 */
public class AdapterException extends RuntimeException {
    private final boolean userError;

    public AdapterException(String message, Throwable cause, boolean userError) {
        super(message, cause);
        this.userError = userError;
    }

    public AdapterException(String message, boolean userError) {
        this(message, null, userError);
    }

    public boolean userError() {
        return userError;
    }
}
