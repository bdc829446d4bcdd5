package dev.sluice.deploy;

/**
 * Something a user of deploy can fix or must know (an unknown job, a refused command, a git error, a store that cannot
 * open): its message is written to be printed as it is, without a stack trace.
 */
public class DeployException extends RuntimeException {
    public DeployException(String message) {
        super(message);
    }

    public DeployException(String message, Throwable cause) {
        super(message, cause);
    }
}
