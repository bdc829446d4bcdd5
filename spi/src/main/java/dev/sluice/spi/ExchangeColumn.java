package dev.sluice.spi;

/**
 * One column of a file in the {@link LocalExchange} layout: its name, its exchange kind ({@code int64},
 * {@code decimal(18,3)}, {@code string}, ...), and whether any value is NULL (unknown: true).
 */
public record ExchangeColumn(String name, String kind, boolean hasNulls) {
}
