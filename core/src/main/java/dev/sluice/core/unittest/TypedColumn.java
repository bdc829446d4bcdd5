package dev.sluice.core.unittest;

/** A fixture column and the warehouse type its values are cast to. */
public record TypedColumn(String name, String type) {
}
