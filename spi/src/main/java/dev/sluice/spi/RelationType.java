package dev.sluice.spi;

public enum RelationType {
    TABLE, VIEW, CTE, EXTERNAL;

    public String dbtName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
