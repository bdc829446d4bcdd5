package dev.sluice.core.errors;

/**
 * The one root of Sluice's errors. It carries an {@link ErrorCode}, where the problem is (file:line) and which node it
 * belongs to, so every front end can print one clear line without a stack trace.
 */
public class SluiceException extends RuntimeException {
    private final ErrorCode code;
    private final SourceLocation location;
    private final String node;

    public SluiceException(ErrorCode code, String message, SourceLocation location, String node, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.location = location;
        this.node = node;
    }

    public SluiceException(ErrorCode code, String message) {
        this(code, message, null, null, null);
    }

    public SluiceException(ErrorCode code, String message, SourceLocation location) {
        this(code, message, location, null, null);
    }

    public ErrorCode code() {
        return code;
    }

    public SourceLocation location() {
        return location;
    }

    public String node() {
        return node;
    }

    /** Same error, now known to belong to a node and a file (first attribution wins). */
    public SluiceException at(String nodeId, SourceLocation where) {
        if (node != null && location != null) {
            return this;
        }
        SluiceException copy = new SluiceException(code, getMessage(), location != null ? location : where,
                node != null ? node : nodeId, getCause());
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    /** "Compilation Error in model customers (models/customers.sql:12)\n  message" as dbt prints it. */
    public String describe() {
        StringBuilder out = new StringBuilder(title());
        if (node != null) {
            out.append(" in ").append(node);
        }
        if (location != null) {
            out.append(" (").append(location).append(')');
        }
        return out.append("\n  ").append(getMessage().replace("\n", "\n  ")).toString();
    }

    private String title() {
        return switch (code) {
            case YAML_INVALID, PROJECT_NOT_FOUND, CONFIG_INVALID, DUPLICATE_NODE -> "Parsing Error";
            case PROFILE_NOT_FOUND, PROFILE_INVALID, ADAPTER_NOT_FOUND -> "Runtime Error (profile)";
            case JINJA_SYNTAX, JINJA_RENDER, REF_NOT_FOUND, SOURCE_NOT_FOUND, COMPILATION -> "Compilation Error";
            case DEPENDENCY_CYCLE -> "Dependency Error";
            case SELECTOR_INVALID -> "Selection Error";
            case CSV_INVALID -> "Seed Error";
            case SQL_FAILED, WAREHOUSE_UNAVAILABLE -> "Database Error";
            case IO -> "IO Error";
            case INTERNAL -> "Internal Error";
        };
    }
}
