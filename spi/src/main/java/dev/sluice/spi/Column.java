package dev.sluice.spi;

/** A column of a relation as the warehouse reports it. */
public record Column(String name, String dataType, int index, String comment) {
    public Column(String name, String dataType) {
        this(name, dataType, 0, null);
    }
}
