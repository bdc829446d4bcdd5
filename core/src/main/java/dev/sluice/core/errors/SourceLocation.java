package dev.sluice.core.errors;

/** Where in the project a problem sits. {@code line}/{@code column} are 1-based and 0 when unknown. */
public record SourceLocation(String file, int line, int column) {

    public static SourceLocation of(String file) {
        return new SourceLocation(file, 0, 0);
    }

    public static SourceLocation of(String file, int line) {
        return new SourceLocation(file, line, 0);
    }

    @Override
    public String toString() {
        if (line <= 0) {
            return file;
        }
        return column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }
}
