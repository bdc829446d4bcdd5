package dev.sluice.core.manifest.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.jinja.JinjaEngine;
import dev.sluice.core.manifest.cache.FileTable;
import dev.sluice.core.project.EnvVars;
import dev.sluice.core.project.ProjectConfig;
import dev.sluice.core.project.ProjectLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file table a full parse is stored with comes from what the parse listed and read ({@link ProjectFileIndex} as
 * {@link FileTable.Seen}), not from listing and hashing the project again when the cache is stored.
 */
class FilesSeenTest {
    @TempDir
    Path dir;

    private ProjectConfig project() throws IOException {
        Files.writeString(dir.resolve("dbt_project.yml"), "name: seen\nversion: '1.0'\nprofile: seen\n");
        Files.createDirectories(dir.resolve("models/staging"));
        Files.writeString(dir.resolve("models/staging/a.sql"), "select 1 as id\n");
        Files.writeString(dir.resolve("models/schema.yml"), "version: 2\nmodels:\n  - name: a\n");
        Files.writeString(dir.resolve("models/notes.txt"), "not parsed\n");
        Files.createDirectories(dir.resolve("analyses"));
        Files.writeString(dir.resolve("analyses/never_listed.sql"), "select 2\n");
        return new ProjectLoader(new JinjaEngine(), EnvVars.system(), text -> { }).load(dir, Map.of());
    }

    private static ProjectFile only(List<ProjectFile> files, String name) {
        return files.stream().filter(f -> f.originalFilePath().endsWith(name)).findFirst().orElseThrow();
    }

    @Test
    void aFileSavedAfterTheParseReadItReadsAsChangedNextTime() throws IOException {
        ProjectConfig project = project();
        FileTable scannedBefore = FileTable.scan(List.of(project));
        ProjectFileIndex index = new ProjectFileIndex();
        ProjectFile model = only(index.find(project.root(), project.modelPaths(), Set.of("sql")), "a.sql");
        assertEquals("select 1 as id\n", index.read(model));

        // saved while the parse goes on: same size, new content
        Files.writeString(model.absolute(), "select 9 as id\n");

        FileTable stored = FileTable.ofParse(List.of(project), index);
        FileTable.Changes next = FileTable.scan(List.of(project)).compare(stored);
        assertEquals(List.of(model.absolute().toAbsolutePath().normalize().toString()), next.changed(),
                "the stored hash is of the bytes parsed, so the next parse sees the edit");
        assertTrue(next.added().isEmpty() && next.removed().isEmpty(), next.toString());

        // what hashing at store time (the table scanned before the parse) recorded: the new content, so the edit
        // would have been taken for the parsed content and missed
        FileTable hashedAtStore = scannedBefore.withHashes();
        assertTrue(FileTable.scan(List.of(project)).compare(hashedAtStore).changed().isEmpty());
    }

    @Test
    void theTableOfAnUnchangedParseMatchesAFreshScanIncludingFilesItNeitherListedNorRead() throws IOException {
        ProjectConfig project = project();
        ProjectFileIndex index = new ProjectFileIndex();
        for (ProjectFile file : index.find(project.root(), project.modelPaths(), Set.of("sql", "yml"))) {
            index.read(file);
        }
        FileTable stored = FileTable.ofParse(List.of(project), index);
        assertTrue(FileTable.scan(List.of(project)).compare(stored).none(),
                "notes.txt (listed, unread), analyses/ (never listed) and dbt_project.yml are all in the table");

        Files.writeString(dir.resolve("analyses/never_listed.sql"), "select 3\n");
        Files.writeString(dir.resolve("models/notes.txt"), "edited\n");
        Files.writeString(dir.resolve("models/new.sql"), "select 4\n");
        FileTable.Changes changes = FileTable.scan(List.of(project)).compare(stored);
        assertEquals(2, changes.changed().size(), changes.toString());
        assertEquals(1, changes.added().size(), changes.toString());
    }

    @Test
    void readingGivesTheTextAndErrorsOfAPlainRead() throws IOException {
        ProjectConfig project = project();
        Files.writeString(dir.resolve("models/unicode.sql"), "select 'caf\u00e9 \u2603' as x\n");
        Files.write(dir.resolve("models/bad.sql"), new byte[] {'s', 'e', 'l', (byte) 0xC3, '(', '\n'});
        ProjectFileIndex index = new ProjectFileIndex();
        List<ProjectFile> files = index.find(project.root(), project.modelPaths(), Set.of("sql"));
        ProjectFile unicode = only(files, "unicode.sql");
        assertEquals(ProjectFiles.read(unicode), index.read(unicode));
        ProjectFile bad = only(files, "bad.sql");
        SluiceException plain = assertThrows(SluiceException.class, () -> ProjectFiles.read(bad));
        SluiceException indexed = assertThrows(SluiceException.class, () -> index.read(bad));
        assertEquals(plain.getMessage(), indexed.getMessage());
        assertTrue(indexed.getMessage().contains("models/bad.sql"), indexed.getMessage());
    }
}
