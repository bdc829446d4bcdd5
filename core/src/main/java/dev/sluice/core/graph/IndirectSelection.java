package dev.sluice.core.graph;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;

import java.util.Locale;

/** How tests are pulled in by the resources they test ({@code --indirect-selection}). */
public enum IndirectSelection {
    /** A test comes along when any of its parents is selected (dbt's default). */
    EAGER,
    /** Only when all of its parents are selected. */
    CAUTIOUS,
    /** When every parent is selected or is an upstream of something selected (sources always count). */
    BUILDABLE,
    /** Never; tests run only if selected directly. */
    EMPTY;

    public static IndirectSelection parse(String text) {
        if (text == null || text.isBlank()) {
            return EAGER;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SluiceException(ErrorCode.SELECTOR_INVALID, "Invalid indirect selection mode '" + text
                    + "': expected one of eager, cautious, buildable, empty");
        }
    }

    public String dbtName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
