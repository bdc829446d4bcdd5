package dev.sluice.core.manifest.parse;

import java.nio.file.Path;

/**
 * One file of a project: its absolute path, its path from the project root ({@code models/staging/a.sql}), the
 * resource folder it was found under ({@code models}) and its path inside that folder ({@code staging/a.sql}).
 */
public record ProjectFile(Path absolute, String originalFilePath, String resourceRoot, String pathInRoot) {

    public String stem() {
        String name = Path.of(pathInRoot).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    public String extension() {
        String name = absolute.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }

    /** Folders between the resource root and the file: {@code staging/a.sql} gives [staging]. */
    public java.util.List<String> folders() {
        String[] parts = pathInRoot.split("/");
        return java.util.List.of(parts).subList(0, parts.length - 1);
    }
}
