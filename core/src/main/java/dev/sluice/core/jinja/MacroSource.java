package dev.sluice.core.jinja;

/** A file that defines macros: its package, its path for messages, and its text. */
public record MacroSource(String packageName, String originalFilePath, String text) {
}
