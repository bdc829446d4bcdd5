package dev.sluice.core.materialize;

import dev.sluice.core.compile.CompiledNode;
import dev.sluice.core.compile.Compiler;
import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.errors.SourceLocation;
import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.manifest.Node;
import dev.sluice.spi.Adapter;
import dev.sluice.spi.AdapterException;
import dev.sluice.spi.CsvLoadOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code seed}: the CSV bulk-loaded by the warehouse's own loader into a table swapped in atomically. */
public final class SeedMaterialization {
    private SeedMaterialization() {
    }

    public static Outcome run(CompiledNode compiled, Compiler compiler, Adapter adapter) {
        Node node = compiled.node();
        String delimiter = node.config.getString("delimiter", ",");
        if (delimiter.length() != 1) {
            throw new SluiceException(ErrorCode.CONFIG_INVALID, "seed delimiter must be one character, got '"
                    + delimiter + "'", SourceLocation.of(node.originalFilePath), node.describe(), null);
        }
        List<String> header = readHeader(node, delimiter.charAt(0));
        Map<String, String> columnTypes = new LinkedHashMap<>();
        if (node.config.get("column_types") instanceof Map<?, ?> types) {
            types.forEach((k, v) -> columnTypes.put(String.valueOf(k), String.valueOf(v)));
        }
        HookRunner.run("pre_hook", node, compiler, adapter);
        long rows;
        try {
            rows = adapter.loadCsv(compiled.relation(),
                    new CsvLoadOptions(node.seedFile, delimiter.charAt(0), header, columnTypes));
        } catch (AdapterException e) {
            throw new SluiceException(ErrorCode.CSV_INVALID, e.getMessage(), SourceLocation.of(node.originalFilePath),
                    node.describe(), e);
        }
        HookRunner.run("post_hook", node, compiler, adapter);
        return new Outcome(NodeStatus.SUCCESS, "INSERT " + rows, "INSERT " + rows, null,
                Map.of("_message", "INSERT " + rows, "code", "INSERT", "rows_affected", rows));
    }

    private static List<String> readHeader(Node node, char delimiter) {
        try (BufferedReader reader = Files.newBufferedReader(node.seedFile, StandardCharsets.UTF_8)) {
            String line = reader.readLine();
            if (line == null || line.isBlank()) {
                throw new SluiceException(ErrorCode.CSV_INVALID, "the seed file is empty: a CSV needs a header row",
                        SourceLocation.of(node.originalFilePath, 1), node.describe(), null);
            }
            if (line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            List<String> header = new ArrayList<>();
            for (String part : line.split(java.util.regex.Pattern.quote(String.valueOf(delimiter)), -1)) {
                header.add(part.strip().replaceAll("^\"|\"$", ""));
            }
            return header;
        } catch (IOException e) {
            throw new SluiceException(ErrorCode.IO, "cannot read seed file: " + e.getMessage(),
                    SourceLocation.of(node.originalFilePath), node.describe(), e);
        }
    }
}
