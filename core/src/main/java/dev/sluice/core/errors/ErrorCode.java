package dev.sluice.core.errors;

/**
 * Every failure Sluice reports has one code. The category decides whether the CLI prints a stack trace (only for
 * {@link Category#INTERNAL}) and the exit code.
 */
public enum ErrorCode {
    PROJECT_NOT_FOUND(Category.USER),
    YAML_INVALID(Category.USER),
    PROFILE_NOT_FOUND(Category.USER),
    PROFILE_INVALID(Category.USER),
    ADAPTER_NOT_FOUND(Category.USER),
    JINJA_SYNTAX(Category.USER),
    JINJA_RENDER(Category.USER),
    REF_NOT_FOUND(Category.USER),
    SOURCE_NOT_FOUND(Category.USER),
    DEPENDENCY_CYCLE(Category.USER),
    DUPLICATE_NODE(Category.USER),
    SELECTOR_INVALID(Category.USER),
    CSV_INVALID(Category.USER),
    CONFIG_INVALID(Category.USER),
    COMPILATION(Category.USER),
    SQL_FAILED(Category.EXTERNAL),
    WAREHOUSE_UNAVAILABLE(Category.EXTERNAL),
    IO(Category.EXTERNAL),
    INTERNAL(Category.INTERNAL);

    public enum Category { USER, EXTERNAL, INTERNAL }

    private final Category category;

    ErrorCode(Category category) {
        this.category = category;
    }

    public Category category() {
        return category;
    }

    /** dbt exits 2 when it could not run at all (bad project, bad profile), 1 when nodes failed. */
    public int exitCode() {
        return 2;
    }
}
