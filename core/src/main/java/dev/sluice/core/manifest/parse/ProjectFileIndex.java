package dev.sluice.core.manifest.parse;

import dev.sluice.core.io.VisibleFiles;
import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.manifest.cache.FileTable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the files under a project's resource folders, in a stable order, walking each folder once: models/ holds
 * models, schema YAML and docs, and walking a large project's tree (a stat per file) three times was a visible part of
 * its parse. Make one per parse; a folder's listing is not refreshed.
 *
 * <p>It also remembers what the parse saw ({@link FileTable.Seen}): each file's size and time as listed, and the hash
 * of the bytes {@link #read} returned, so the parse cache stores the very content parsed without listing or reading the
 * project again.
 */
final class ProjectFileIndex implements FileTable.Seen {
    /**
     * A regular, non-hidden file found under a folder: its path inside the folder, its extension in lower case, and
     * its entry as listed (hash unknown).
     */
    private record Found(Path file, String inFolder, String extension, FileTable.Entry listed) {
    }

    /** Before any file is listed: a file modified after this may have changed after it was listed. */
    private final long createdAtNanos = System.currentTimeMillis() * 1_000_000L;
    private final Map<Path, List<Found>> walked = new HashMap<>();
    /** Absolute, normalized folder -> the folder as walked (the key of {@link #walked}). */
    private final Map<Path, Path> absoluteBases = new HashMap<>();
    /** File -> hash of the bytes {@link #read} returned; filled on the parse's worker threads. */
    private final Map<Path, Long> readHashes = new ConcurrentHashMap<>();

    /** Files under each of {@code roots} (relative to {@code projectDir}) whose extension is one of {@code extensions}. */
    List<ProjectFile> find(Path projectDir, List<String> roots, Set<String> extensions) {
        List<ProjectFile> out = new ArrayList<>();
        for (String root : roots) {
            Path base = projectDir.resolve(root).normalize();
            String prefix = projectDir.toString() + "/";
            for (Found found : walk(base)) {
                if (extensions.contains(found.extension())) {
                    out.add(new ProjectFile(found.file(), relative(projectDir, prefix, found.file()), root,
                            found.inFolder()));
                }
            }
        }
        out.sort(Comparator.comparing(ProjectFile::originalFilePath));
        return out;
    }

    /**
     * The file's text, as {@link ProjectFiles#read} gives it (UTF-8; a malformed file is an error naming it), with the
     * hash of its bytes remembered for the parse cache.
     */
    String read(ProjectFile file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.absolute());
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
        readHashes.put(file.absolute(), FileTable.hash(bytes));
        String text = new String(bytes, StandardCharsets.UTF_8);
        // a text with the replacement character may have had malformed bytes replaced: decode strictly to find out
        // (a Latin-1 text, which most are, answers at once)
        if (text.indexOf('\uFFFD') >= 0) {
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            } catch (IOException e) {
                throw cannotRead(file, e);
            }
        }
        return text;
    }

    private static SluiceException cannotRead(ProjectFile file, IOException e) {
        return new SluiceException(ErrorCode.IO, "cannot read " + file.originalFilePath() + ": " + e.getMessage());
    }

    @Override
    public long listedAtNanos() {
        return createdAtNanos;
    }

    @Override
    public Map<String, FileTable.Entry> walked(Path base) {
        Path asWalked = absoluteBases.get(base);
        if (asWalked == null) {
            return null;
        }
        Map<String, FileTable.Entry> entries = new HashMap<>();
        for (Found found : walked.get(asWalked)) {
            Path file = found.file();
            Long hash = readHashes.get(file);
            FileTable.Entry listed = found.listed();
            String key = file.isAbsolute() ? file.toString() : file.toAbsolutePath().normalize().toString();
            entries.put(key, hash == null ? listed
                    : new FileTable.Entry(listed.size(), listed.modifiedNanos(), hash));
        }
        return entries;
    }

    /**
     * {@code file} relative to {@code folder}, with forward slashes: cut from the path's text when the file lies below
     * the folder (a path's relativize is a visible cost over tens of thousands of files), else by relativize.
     */
    private static String relative(Path folder, String folderPrefix, Path file) {
        String text = file.toString();
        if (text.startsWith(folderPrefix) && folder.getFileSystem().getSeparator().equals("/")) {
            return text.substring(folderPrefix.length());
        }
        return ProjectFiles.slashes(folder.relativize(file));
    }

    private List<Found> walk(Path base) {
        List<Found> known = walked.get(base);
        if (known != null) {
            return known;
        }
        List<Found> found = new ArrayList<>();
        String prefix = base.toString() + "/";
        try {
            VisibleFiles.walk(base, (file, attrs) -> {
                String name = file.getFileName().toString();
                int dot = name.lastIndexOf('.');
                found.add(new Found(file, relative(base, prefix, file),
                        dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT), FileTable.entry(attrs)));
            });
        } catch (IOException e) {
            throw new SluiceException(ErrorCode.IO, "cannot read folder " + base + ": " + e.getMessage());
        }
        walked.put(base, found);
        absoluteBases.put(base.toAbsolutePath().normalize(), base);
        return found;
    }
}
