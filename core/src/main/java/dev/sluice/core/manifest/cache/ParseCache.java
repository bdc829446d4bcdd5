package dev.sluice.core.manifest.cache;

import dev.sluice.core.io.AtomicFile;
import dev.sluice.core.manifest.Manifest;
import dev.sluice.core.manifest.ManifestCounts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.zip.CRC32C;

/**
 * The parse cache, {@code target/partial_parse.sluice}: the manifest of the last parse with what it was made from —
 * the {@link ParseInputs} digest, the environment variables the parse read (names, and a digest of their values), and
 * the {@link FileTable}. A parse whose inputs, variables and files are all unchanged takes the manifest from here; one
 * whose only changes are files gets the earlier manifest and the list of changed files, and decides what to re-parse.
 *
 * <p>Never stale by construction: anything not recorded here makes the cache unusable rather than wrong, and a
 * file that cannot be read back (truncated, edited, another version) is ignored and rewritten.
 */
public final class ParseCache {
    public static final String FILE_NAME = "partial_parse.sluice";
    private static final byte[] MAGIC = "SLUICE-PARSE-CACHE\n".getBytes(StandardCharsets.US_ASCII);

    private final Path file;
    private final Consumer<String> debug;

    private ParseCache(Path file, Consumer<String> debug) {
        this.file = file;
        this.debug = debug;
    }

    public static ParseCache in(Path targetDir, Consumer<String> debug) {
        return new ParseCache(targetDir.resolve(FILE_NAME), debug);
    }

    /** What a lookup found. */
    public sealed interface Lookup permits Fresh, FilesChanged, Miss {
    }

    /**
     * Nothing changed: this is the manifest (decoded on first use, or already decoding) and its counts. The bytes
     * passed their checksum when read, so decoding them fails only if Sluice itself is wrong.
     */
    public record Fresh(Supplier<Manifest> manifest, long generation, ManifestCounts counts) implements Lookup {
    }

    /** Only files changed: the earlier manifest, and which files. */
    public record FilesChanged(Manifest manifest, long generation, FileTable.Changes changes, FileTable files)
            implements Lookup {
    }

    /** No usable cache; {@code why} says why (for --debug). */
    public record Miss(String why, FileTable files) implements Lookup {
    }

    /**
     * Compares the stored parse with the present: {@code inputs} digest, the recorded environment variables' current
     * values (through {@code env}), and the files {@code scan} finds now. The stored manifest is decoded on a second
     * thread while the files are scanned, unless {@code decodeAhead} is false: then a cache that is used whole is
     * decoded only when its manifest is first asked for.
     */
    public Lookup lookup(String inputs, EnvReads env, Supplier<FileTable> scan, boolean decodeAhead) {
        // the files are scanned on another core while the cache file is read: whatever the outcome, both are needed
        CompletableFuture<FileTable> scanning = CompletableFuture.supplyAsync(scan, DECODER);
        Supplier<FileTable> scanned = () -> dev.sluice.core.parallel.Threads.join(scanning);
        Stored stored;
        try {
            stored = read();
        } catch (NoSuchFileException e) {
            return new Miss("no parse cache yet", scanned.get());
        } catch (IOException | RuntimeException e) {
            return new Miss("the parse cache could not be read (" + e.getMessage() + ")", scanned.get());
        }
        if (!stored.inputs.equals(inputs)) {
            return new Miss("the target, --vars or Sluice itself changed", scanned.get());
        }
        if (!stored.envDigest.equals(env.digest(stored.envNames))) {
            return new Miss("an environment variable the project reads changed", scanned.get());
        }
        CompletableFuture<Manifest> decoding = decodeAhead
                ? CompletableFuture.supplyAsync(() -> ManifestCodec.decode(stored.manifest), DECODER) : null;
        FileTable current = scanned.get();
        FileTable.Changes changes = current.compare(stored.files);
        if (changes.none() && decoding == null) {
            return new Fresh(() -> ManifestCodec.decode(stored.manifest), stored.generation, stored.counts);
        }
        if (decoding == null) {
            decoding = CompletableFuture.completedFuture(null).thenApply(none -> ManifestCodec.decode(stored.manifest));
        }
        Manifest manifest;
        try {
            manifest = decoding.join();
        } catch (CompletionException e) {
            return new Miss("the cached manifest could not be read (" + e.getCause().getMessage() + ")", current);
        }
        Manifest decoded = manifest;
        return changes.none() ? new Fresh(() -> decoded, stored.generation, stored.counts)
                : new FilesChanged(manifest, stored.generation, changes, current);
    }

    /** One daemon thread, so a decode never keeps the process alive. */
    private static final java.util.concurrent.Executor DECODER = task -> {
        Thread thread = new Thread(task, "sluice-parse-cache");
        thread.setDaemon(true);
        thread.start();
    };

    /**
     * Stores a parse; returns its generation number, or empty when the manifest cannot be cached (the reason goes to
     * debug). Best effort: a cache that cannot be written only costs the next parse its speed.
     */
    public Optional<Long> store(String inputs, EnvReads env, FileTable files, Manifest manifest) {
        long generation = newGeneration();
        Set<String> names = new java.util.TreeSet<>(env.names());
        return storeNow(generation, inputs, names, env.digest(names), files, manifest)
                ? Optional.of(generation) : Optional.empty();
    }

    /**
     * Stores a parse on a thread of its own and returns the generation it will have at once: encoding a large
     * manifest and hashing its files takes a core, while the command goes on to write manifest.json. The manifest
     * must not change afterwards (nothing changes a parsed manifest). {@link #awaitStored} waits for it; if the store
     * fails, the cache file is removed, so nothing ever refers to the generation returned.
     */
    public long storeInBackground(String inputs, EnvReads env, FileTable files, Manifest manifest) {
        long generation = newGeneration();
        Set<String> names = new java.util.TreeSet<>(env.names()); // the environment is read on this thread; later reads add names
        String digest = env.digest(names);
        awaitStored();
        Thread thread = new Thread(() -> storeNow(generation, inputs, names, digest, files, manifest),
                "sluice-parse-cache-store");
        thread.setDaemon(false);
        storing = thread;
        thread.start();
        return generation;
    }

    /** Waits for a {@link #storeInBackground} still running. */
    public void awaitStored() {
        Thread thread = storing;
        if (thread == null) {
            return;
        }
        dev.sluice.core.parallel.Threads.joinUninterruptibly(thread);
        storing = null;
    }

    private volatile Thread storing;

    private static long newGeneration() {
        long generation = 0;
        while (generation == 0) { // 0 means "not cached"
            generation = System.nanoTime() ^ Double.doubleToLongBits(Math.random());
        }
        return generation;
    }

    private boolean storeNow(long generation, String inputs, Set<String> names, String envDigest, FileTable files,
                             Manifest manifest) {
        try {
            BinaryOut out = new BinaryOut();
            out.varint(ParseInputs.FORMAT);
            out.string(inputs);
            out.signed(generation);
            out.strings(names);
            out.string(envDigest);
            files.withHashes().write(out);
            ManifestCounts counts = ManifestCounts.of(manifest);
            out.varint(counts.nodes().length);
            for (int count : counts.nodes()) {
                out.varint(count);
            }
            out.varint(counts.sources());
            out.varint(counts.exposures());
            out.varint(counts.macros());
            byte[] encoded = ManifestCodec.encode(manifest);
            out.varint(encoded.length);
            byte[] head = out.toByteArray();
            write(head, encoded);
            return true;
        } catch (Uncacheable e) {
            debug.accept(e.getMessage() + "; the next parse will be a full one");
            delete();
        } catch (IOException | RuntimeException e) {
            debug.accept("could not write the parse cache " + file + ": " + e.getMessage());
            delete();
        }
        return false;
    }

    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale file is still harmless: its inputs or files will not match
        }
    }

    private record Stored(String inputs, long generation, List<String> envNames, String envDigest, FileTable files,
                          ManifestCounts counts, byte[] manifest) {
    }

    private Stored read() throws IOException {
        byte[] all = Files.readAllBytes(file);
        int bodyStart = MAGIC.length;
        if (all.length < bodyStart + 8 || !Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new CorruptCache("not a Sluice parse cache");
        }
        int bodyEnd = all.length - 8;
        CRC32C crc = new CRC32C();
        crc.update(all, bodyStart, bodyEnd - bodyStart);
        long expected = 0;
        for (int i = 0; i < 8; i++) {
            expected |= (long) (all[bodyEnd + i] & 0xFF) << (8 * i);
        }
        if (crc.getValue() != expected) {
            throw new CorruptCache("checksum mismatch");
        }
        BinaryIn in = new BinaryIn(Arrays.copyOfRange(all, bodyStart, bodyEnd));
        if (in.varint() != ParseInputs.FORMAT) {
            throw new CorruptCache("another cache format");
        }
        String inputs = in.string();
        long generation = in.signed();
        List<String> names = in.strings();
        String envDigest = in.string();
        FileTable files = FileTable.read(in);
        int[] byType = new int[in.count()];
        for (int i = 0; i < byType.length; i++) {
            byType[i] = in.count();
        }
        ManifestCounts counts = new ManifestCounts(byType, in.count(), in.count(), in.count());
        int length = in.count();
        byte[] manifest = in.rest();
        if (manifest.length != length) {
            throw new CorruptCache("the manifest is cut short");
        }
        return new Stored(inputs, generation, names, envDigest, files, counts, manifest);
    }

    private void write(byte[] head, byte[] manifest) throws IOException {
        CRC32C crc = new CRC32C();
        crc.update(head);
        crc.update(manifest);
        long value = crc.getValue();
        byte[] tail = new byte[8];
        for (int i = 0; i < 8; i++) {
            tail[i] = (byte) (value >>> (8 * i));
        }
        AtomicFile.replace(file, temp -> {
            try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
                out.write(MAGIC);
                out.write(head);
                out.write(manifest);
                out.write(tail);
            }
        });
    }
}
