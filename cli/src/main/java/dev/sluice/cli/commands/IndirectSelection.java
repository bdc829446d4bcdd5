package dev.sluice.cli.commands;

import java.util.Locale;

/** --indirect-selection: how tests of selected nodes are picked up (dbt's four modes). */
public enum IndirectSelection {
    EAGER, CAUTIOUS, BUILDABLE, EMPTY;

    public String dbtName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
