package dev.sluice.core.jinja;

/** A context function was called wrongly (missing argument, unknown ref at run time); becomes a compilation error. */
public class JinjaCallException extends RuntimeException {
    public JinjaCallException(String message) {
        super(message);
    }

    public JinjaCallException(String message, Throwable cause) {
        super(message, cause);
    }
}
