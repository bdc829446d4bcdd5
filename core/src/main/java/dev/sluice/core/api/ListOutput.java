package dev.sluice.core.api;

/** {@code ls --output}: name (dbt's default "selector" style fqn), path, json, selector. */
public enum ListOutput { SELECTOR, NAME, PATH, JSON }
