package dev.sluice.spi;

/**
 * What an adapter supports. The conformance suite assumes every capability; an adapter opts out by leaving one out of
 * {@link Adapter#capabilities()}, and the suite reports the case as not applicable instead of running it.
 */
public enum Capability {
    /** Replace a relation atomically inside a transaction (build beside, then swap). */
    TRANSACTIONAL_DDL,
    /** Load a CSV file with the warehouse's own bulk loader. */
    BULK_CSV_LOAD,
    /** Views may be created and replaced. */
    VIEWS,
    /** Several connections may work at once (threads > 1). */
    CONCURRENT_CONNECTIONS,
    /** {@code MERGE INTO} statements. */
    MERGE
}
