package dev.sluice.core.api;

import dev.sluice.spi.QueryResult;

/** Rows previewed by {@code show}: the node (or "inline"), its compiled SQL, and at most {@code limit} rows. */
public record ShowResult(String nodeName, String compiledSql, QueryResult preview) {
}
