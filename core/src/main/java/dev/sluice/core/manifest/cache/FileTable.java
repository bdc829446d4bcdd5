package dev.sluice.core.manifest.cache;

import dev.sluice.core.io.VisibleFiles;
import dev.sluice.core.project.ProjectConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * Every file a parse may read — each project's and package's dbt_project.yml and companions, and everything under
 * their resource folders — with size, modification time and a 64-bit content hash. Comparing two tables tells which
 * files changed: a file whose size and time are unchanged is taken as unchanged, unless it was modified so close to
 * the earlier scan that the time cannot be trusted; any other file is hashed and compared by content.
 */
public final class FileTable {
    /** Files at a project's root that shape its parse. */
    private static final List<String> PROJECT_FILES = List.of("dbt_project.yml", "packages.yml", "dependencies.yml",
            "package-lock.yml", "selectors.yml");
    /** A file modified within this long before a scan is hashed again next time, whatever its time says. */
    private static final long RACY_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** Absolute path -> what was seen (a hash map: tens of thousands of long, similar paths sort slowly). */
    private final Map<String, Entry> files;
    private final long scannedAtNanos;

    public record Entry(long size, long modifiedNanos, long hash) {
    }

    FileTable(Map<String, Entry> files, long scannedAtNanos) {
        this.files = files;
        this.scannedAtNanos = scannedAtNanos;
    }

    /** Stats every file of the projects; hashes are left unknown (0) until {@link #withHashes} or a comparison. */
    public static FileTable scan(List<ProjectConfig> projects) {
        long now = System.currentTimeMillis() * 1_000_000L;
        Map<String, Entry> files = new java.util.HashMap<>();
        for (ProjectConfig project : projects) {
            Path root = project.root().toAbsolutePath().normalize();
            statProjectFiles(root, files);
            for (String folder : folders(project)) {
                walk(root.resolve(folder).normalize(), files);
            }
        }
        return new FileTable(files, now);
    }

    /**
     * What a parse saw of its files: when it began listing them, and for each folder it walked, every file found
     * there with its size and time as listed and, if the parse read it, the hash of the bytes it read.
     */
    public interface Seen {
        /** The time before the first file was listed (nanoseconds since the epoch, as {@link #scan} takes it). */
        long listedAtNanos();

        /**
         * Absolute path -> entry for each file under {@code base} (an absolute, normalized folder), with hash 0 for a
         * file the parse did not read; null if the parse did not walk {@code base}.
         */
        Map<String, Entry> walked(Path base);
    }

    /**
     * The table to store with a parse: what the parse itself listed and read, so that every hash is of the bytes the
     * parse used and every size and time was taken before it read them. A file saved while the parse ran then reads
     * as changed next time, never as the content parsed. Folders the parse did not walk are walked now and files it
     * did not read are hashed now (what they hold did not shape the parse). Stats the project files, as
     * {@link #scan} does.
     */
    public static FileTable ofParse(List<ProjectConfig> projects, Seen seen) {
        Map<String, Entry> files = new java.util.HashMap<>();
        for (ProjectConfig project : projects) {
            Path root = project.root().toAbsolutePath().normalize();
            statProjectFiles(root, files);
            for (String folder : folders(project)) {
                Path base = root.resolve(folder).normalize();
                Map<String, Entry> walked = seen.walked(base);
                if (walked != null) {
                    files.putAll(walked);
                } else {
                    walk(base, files);
                }
            }
        }
        return new FileTable(files, seen.listedAtNanos()).withHashes();
    }

    /** The folders whose files a project's parse may read. */
    private static Set<String> folders(ProjectConfig project) {
        Set<String> roots = new LinkedHashSet<>(project.allResourcePaths());
        roots.addAll(project.docsPaths());
        return roots;
    }

    private static void statProjectFiles(Path root, Map<String, Entry> files) {
        for (String name : PROJECT_FILES) {
            Path file = root.resolve(name);
            try {
                BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
                files.put(file.toString(), entry(attrs));
            } catch (NoSuchFileException absent) {
                // not every project has every file
            } catch (IOException e) {
                throw new Uncacheable("an unreadable file " + file + ": " + e.getMessage());
            }
        }
    }

    /** This table with every file's content hash computed. */
    public FileTable withHashes() {
        Map<String, Entry> out = new java.util.HashMap<>(files.size() * 2);
        files.forEach((path, entry) -> out.put(path, entry.hash != 0 ? entry
                : new Entry(entry.size, entry.modifiedNanos, hash(Path.of(path)))));
        return new FileTable(out, scannedAtNanos);
    }

    /**
     * The files that differ from {@code earlier}: added, removed, or changed in content. Files found unchanged take the
     * earlier hash, so this table can be stored as the new reference.
     */
    public Changes compare(FileTable earlier) {
        List<String> changed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (Map.Entry<String, Entry> item : files.entrySet()) {
            Entry now = item.getValue();
            Entry before = earlier.files.get(item.getKey());
            if (before == null) {
                added.add(item.getKey());
                continue;
            }
            boolean statTrusted = before.size == now.size && before.modifiedNanos == now.modifiedNanos
                    && now.modifiedNanos < earlier.scannedAtNanos - RACY_NANOS;
            if (statTrusted) {
                item.setValue(new Entry(now.size, now.modifiedNanos, before.hash));
                continue;
            }
            long hash = hash(Path.of(item.getKey()));
            item.setValue(new Entry(now.size, now.modifiedNanos, hash));
            if (hash != before.hash || now.size != before.size) {
                changed.add(item.getKey());
            }
        }
        for (String path : earlier.files.keySet()) {
            if (!files.containsKey(path)) {
                removed.add(path);
            }
        }
        java.util.Collections.sort(changed);
        java.util.Collections.sort(added);
        java.util.Collections.sort(removed);
        return new Changes(changed, added, removed);
    }

    /** What {@link #compare} found. */
    public record Changes(List<String> changed, List<String> added, List<String> removed) {
        public boolean none() {
            return changed.isEmpty() && added.isEmpty() && removed.isEmpty();
        }
    }

    /** This table's entries for {@code paths} (those it has). */
    Map<String, Entry> entries(java.util.Collection<String> paths) {
        Map<String, Entry> out = new java.util.LinkedHashMap<>();
        for (String path : paths) {
            Entry entry = files.get(path);
            if (entry != null) {
                out.put(path, entry);
            }
        }
        return out;
    }

    /**
     * This table with {@code newer} entries put over its own. The scan time stays this table's, the earlier one: a
     * file is then trusted by its size and time only if it was older than the earlier scan, which is always safe.
     */
    FileTable withEntries(Map<String, Entry> newer) {
        Map<String, Entry> out = new java.util.HashMap<>(files);
        out.putAll(newer);
        return new FileTable(out, scannedAtNanos);
    }

    void write(BinaryOut out) {
        out.signed(scannedAtNanos);
        out.varint(files.size());
        files.forEach((path, entry) -> {
            out.string(path);
            out.varint(entry.size);
            out.signed(entry.modifiedNanos);
            out.signed(entry.hash);
        });
    }

    static FileTable read(BinaryIn in) {
        long scannedAt = in.signed();
        int count = in.count();
        Map<String, Entry> files = new java.util.HashMap<>(count * 2);
        for (int i = count; i > 0; i--) {
            files.put(in.string(), new Entry(in.varint(), in.signed(), in.signed()));
        }
        return new FileTable(files, scannedAt);
    }

    int size() {
        return files.size();
    }

    private static void walk(Path base, Map<String, Entry> files) {
        try {
            VisibleFiles.walk(base, (file, attrs) -> files.put(file.toString(), entry(attrs)));
        } catch (IOException e) {
            throw new Uncacheable("an unreadable folder " + base + ": " + e.getMessage());
        }
    }

    /** A file as listed: its size and time, its hash not yet known. */
    public static Entry entry(BasicFileAttributes attrs) {
        return new Entry(attrs.size(), attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS), 0);
    }

    /** The content hash of a file's bytes, as a table records it: the same as hashing the file holding them. */
    public static long hash(byte[] content) {
        CRC32C first = new CRC32C();
        CRC32 second = new CRC32();
        first.update(content);
        second.update(content);
        return combined(first, second);
    }

    /** Two CRCs of different polynomials side by side: 64 bits, and both run as CPU instructions. */
    static long hash(Path file) {
        CRC32C first = new CRC32C();
        CRC32 second = new CRC32();
        try (InputStream in = Files.newInputStream(file)) {
            // a buffer per thread, not per file: tens of thousands of files hashed once each
            byte[] buffer = HASH_BUFFER.get();
            int n;
            while ((n = in.read(buffer)) > 0) {
                first.update(buffer, 0, n);
                second.update(buffer, 0, n);
            }
        } catch (IOException e) {
            return -1; // gone or unreadable since the scan: never equal to a real hash's pair, so it reads as changed
        }
        return combined(first, second);
    }

    private static long combined(CRC32C first, CRC32 second) {
        return (first.getValue() << 32) | second.getValue() | 1L; // never 0, which means "not hashed"
    }

    private static final ThreadLocal<byte[]> HASH_BUFFER = ThreadLocal.withInitial(() -> new byte[1 << 16]);
}
