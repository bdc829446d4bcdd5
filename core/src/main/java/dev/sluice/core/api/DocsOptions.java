package dev.sluice.core.api;

/**
 * Flags of {@code docs generate}: {@code compile} false is dbt's {@code --no-compile} (pages show raw code only),
 * {@code emptyCatalog} is {@code --empty-catalog} (catalog.json without reading the warehouse).
 */
public record DocsOptions(boolean compile, boolean emptyCatalog) {
    public static DocsOptions defaults() {
        return new DocsOptions(true, false);
    }
}
