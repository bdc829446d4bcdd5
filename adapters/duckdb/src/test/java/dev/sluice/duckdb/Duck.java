package dev.sluice.duckdb;

import dev.sluice.spi.AdapterContext;
import dev.sluice.spi.CsvLoadOptions;
import dev.sluice.spi.TargetConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Test helpers: targets, adapters and CSV files. */
final class Duck {
    private Duck() {
    }

    static TargetConfig target(Map<String, Object> fields, int threads) {
        return new TargetConfig("p", "dev", "duckdb", null, null, threads, fields);
    }

    static DuckDbAdapter memory(int threads) {
        return open(Map.of(), threads, Path.of("."));
    }

    static DuckDbAdapter file(Path file, int threads) {
        return open(Map.of("path", file.toString()), threads, file.getParent());
    }

    static DuckDbAdapter open(Map<String, Object> fields, int threads, Path projectDir) {
        DuckDbAdapterFactory factory = new DuckDbAdapterFactory();
        TargetConfig target = factory.normalize(target(new HashMap<>(fields), threads));
        return (DuckDbAdapter) factory.create(target, new AdapterContext(projectDir, threads));
    }

    static Path csv(Path dir, String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content.getBytes(StandardCharsets.UTF_8));
        return file;
    }

    static CsvLoadOptions options(Path file, char delimiter, Map<String, String> columnTypes) throws IOException {
        String first = Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "").split("\r?\n", 2)[0];
        List<String> header = first.isEmpty() ? List.of() : Arrays.asList(first.split(java.util.regex.Pattern.quote(String.valueOf(delimiter)), -1));
        return new CsvLoadOptions(file, delimiter, header, columnTypes);
    }

    static CsvLoadOptions options(Path file) throws IOException {
        return options(file, ',', Map.of());
    }
}
