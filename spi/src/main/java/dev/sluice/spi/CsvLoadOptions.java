package dev.sluice.spi;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A seed load: the file, its delimiter, the column names read from its header in order, and the column types the user
 * fixed with {@code column_types} (other columns are inferred by the warehouse).
 */
public record CsvLoadOptions(Path file, char delimiter, List<String> header, Map<String, String> columnTypes) {
}
