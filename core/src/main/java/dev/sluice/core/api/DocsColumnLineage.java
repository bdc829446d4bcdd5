package dev.sluice.core.api;

import dev.sluice.core.docs.catalog.Catalog;
import dev.sluice.core.docs.lineage.ColumnRef;
import dev.sluice.core.docs.lineage.ModelLineage;
import dev.sluice.core.docs.lineage.OutputColumn;
import dev.sluice.core.docs.lineage.ProjectColumnLineage;
import dev.sluice.core.docs.site.ColumnLineageSource;
import dev.sluice.core.events.Event;
import dev.sluice.core.events.EventSink;
import dev.sluice.core.manifest.Manifest;
import dev.sluice.spi.CatalogEntry;
import dev.sluice.spi.Column;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Column-level lineage for the docs site: {@link ProjectColumnLineage} over the compiled SQL, with the catalog's
 * columns so {@code select *} expands to what the warehouse holds, turned into what model pages show. A failure of the
 * analysis never fails {@code docs generate}: pages then say lineage is not available, and why.
 */
final class DocsColumnLineage {
    private DocsColumnLineage() {
    }

    static ColumnLineageSource of(Manifest manifest, Map<String, String> compiledCode, Catalog catalog,
                                  EventSink events) {
        if (compiledCode.isEmpty()) {
            return id -> ColumnLineageSource.ModelLineage.unavailable(
                    "the project was not compiled (docs generate --no-compile).");
        }
        Map<String, List<String>> columns = new LinkedHashMap<>();
        collect(catalog.nodes(), columns);
        collect(catalog.sources(), columns);
        ProjectColumnLineage lineage;
        try {
            lineage = ProjectColumnLineage.build(manifest, compiledCode, columns);
        } catch (RuntimeException e) {
            String reason = "the column-lineage analysis failed: " + e;
            events.accept(Event.Message.warn("Column lineage: " + reason));
            return id -> ColumnLineageSource.ModelLineage.unavailable(reason);
        }
        return id -> lineage.lineage(id).map(DocsColumnLineage::convert).orElse(null);
    }

    private static void collect(Map<String, CatalogEntry> entries, Map<String, List<String>> out) {
        entries.forEach((id, entry) -> out.put(id, entry.columns().stream().map(Column::name).toList()));
    }

    private static ColumnLineageSource.ModelLineage convert(ModelLineage model) {
        if (!model.isParsed()) {
            return ColumnLineageSource.ModelLineage.unavailable("the SQL could not be parsed: "
                    + model.unparsableReason().orElse("unknown reason"));
        }
        List<ColumnLineageSource.Column> columns = new ArrayList<>();
        for (OutputColumn column : model.columns()) {
            List<ColumnLineageSource.UpstreamColumn> upstream = new ArrayList<>();
            for (ColumnRef ref : column.sources()) {
                upstream.add(new ColumnLineageSource.UpstreamColumn(ref.nodeId(), ref.relation(), ref.column()));
            }
            columns.add(new ColumnLineageSource.Column(column.name(), upstream,
                    column.kind().name().toLowerCase(Locale.ROOT), column.problem()));
        }
        return ColumnLineageSource.ModelLineage.of(columns);
    }
}
