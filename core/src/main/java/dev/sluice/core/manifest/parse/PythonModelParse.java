package dev.sluice.core.manifest.parse;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.errors.SourceLocation;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.python.PythonModelScanner;

/**
 * The parse step of a Python model: its {@code dbt.ref}, {@code dbt.source} and {@code dbt.config} calls read
 * statically (no Python runs), as dbt does, so ls, compile and selection need no interpreter.
 */
final class PythonModelParse {
    private PythonModelParse() {
    }

    static void apply(Node node) {
        PythonModelScanner.Scan scan;
        try {
            scan = PythonModelScanner.scan(node.rawCode);
        } catch (PythonModelScanner.ScanError e) {
            throw new SluiceException(ErrorCode.COMPILATION, "Parsing Error in " + node.describe() + " ("
                    + node.originalFilePath + ", line " + e.line() + "): " + e.getMessage(),
                    SourceLocation.of(node.originalFilePath, e.line()), node.describe(), null);
        }
        for (var ref : scan.refs()) {
            if (!node.refs.contains(ref)) {
                node.refs.add(ref);
            }
        }
        for (var source : scan.sources()) {
            if (!node.sources.contains(source)) {
                node.sources.add(source);
            }
        }
        scan.config().forEach(node.config::set);
    }
}
