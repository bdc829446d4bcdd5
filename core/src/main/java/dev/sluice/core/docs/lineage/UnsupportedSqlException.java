package dev.sluice.core.docs.lineage;

/** A construct column lineage does not analyse; it makes the whole model unparsable with this message. */
final class UnsupportedSqlException extends RuntimeException {
    UnsupportedSqlException(String message) {
        super(message, null, false, false);
    }
}
