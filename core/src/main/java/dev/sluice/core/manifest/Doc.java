package dev.sluice.core.manifest;

/** A {@code {% docs name %}} block. */
public record Doc(String uniqueId, String packageName, String name, String path, String originalFilePath,
                  String blockContents) {
}
