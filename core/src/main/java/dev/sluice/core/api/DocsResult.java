package dev.sluice.core.api;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code docs generate} wrote: the catalog and index paths, how many relations the catalog describes, the number of
 * site pages, the lineage graph's size and its layout time, and catalog errors (schemas that could not be listed).
 */
public record DocsResult(Path catalog, Path index, int catalogNodes, int catalogSources, int pages, int graphNodes,
                         long layoutMillis, List<String> errors) {
}
