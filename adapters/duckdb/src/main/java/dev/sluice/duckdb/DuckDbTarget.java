package dev.sluice.duckdb;

import dev.sluice.spi.AdapterContext;
import dev.sluice.spi.AdapterException;
import dev.sluice.spi.TargetConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * What a {@code type: duckdb} target means: {@code path} (a file, relative to the project folder, or {@code :memory:}),
 * the database name DuckDB gives it (the file name up to its first dot, {@code memory} in memory), and
 * {@code settings:} passed to DuckDB as database configuration.
 */
record DuckDbTarget(String path, Path file, Properties settings) {
    static final String MEMORY = ":memory:";

    static DuckDbTarget of(TargetConfig target, AdapterContext context) {
        String path = target.stringField("path", MEMORY);
        Path file = null;
        if (!isMemory(path)) {
            Path base = context.projectDir() == null ? Path.of("") : context.projectDir();
            file = base.resolve(path).toAbsolutePath().normalize();
        }
        return new DuckDbTarget(path, file, settings(target));
    }

    static boolean isMemory(String path) {
        return path == null || path.isBlank() || path.equals(MEMORY) || path.equals("memory");
    }

    /** DuckDB's own rule: the catalog is named after the file name up to its first dot. */
    static String databaseName(String path) {
        if (isMemory(path)) {
            return "memory";
        }
        Path name = Path.of(path).getFileName();
        String text = name == null ? path : name.toString();
        int dot = text.indexOf('.');
        return dot > 0 ? text.substring(0, dot) : text;
    }

    String url() {
        return file == null ? "jdbc:duckdb:" : "jdbc:duckdb:" + file;
    }

    void createParentFolders() {
        if (file == null || file.getParent() == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new AdapterException("cannot create the folder for DuckDB database " + file + ": " + e.getMessage(),
                    e, true);
        }
    }

    private static Properties settings(TargetConfig target) {
        Properties properties = new Properties();
        Object settings = target.fields() == null ? null : target.fields().get("settings");
        if (settings == null) {
            return properties;
        }
        if (!(settings instanceof Map<?, ?> map)) {
            throw new AdapterException("target '" + target.targetName() + "': 'settings' must be a mapping of DuckDB "
                    + "options, got " + settings, true);
        }
        map.forEach((key, value) -> properties.setProperty(String.valueOf(key),
                String.valueOf(value)));
        return properties;
    }
}
