package dev.sluice.core.manifest.cache;

import dev.sluice.core.io.AtomicFile;
import dev.sluice.core.parallel.Memo;
import dev.sluice.core.manifest.Doc;
import dev.sluice.core.manifest.Manifest;
import dev.sluice.core.manifest.ManifestCounts;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.ResourceType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * <p>A model re-parse is stored as a {@link ParseDelta} beside it instead of the whole parse again; the stored parse
 * with its delta is then the parse. The models' {@link ModelFacts} are kept in a table read record by record, so a
 * re-parse that keeps a model's refs never decodes the manifest.
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

    /** Only files changed: the earlier parse, and which files. */
    public record FilesChanged(Earlier earlier, long generation, FileTable.Changes changes, FileTable files)
            implements Lookup {
    }

    /**
     * The earlier parse when files changed: its manifest (decoded on first use, or already decoding), and what a model
     * re-parse needs without decoding it — the models' {@link ModelFacts} and the docs.
     */
    public static final class Earlier {
        private final Stored stored;
        private final Supplier<Manifest> manifest;
        private final Memo<Map<String, Doc>> docs;

        private Earlier(Stored stored, Supplier<Manifest> manifest) {
            this.stored = stored;
            this.manifest = manifest;
            this.docs = Memo.of(() -> java.util.Collections.unmodifiableMap(ManifestCodec.decodeDocs(stored.docs)));
        }

        public Manifest manifest() {
            return manifest.get();
        }

        /** Its counts: a model re-parse keeps them (it declines any change that would alter them). */
        public ManifestCounts counts() {
            return stored.counts;
        }

        /** The earlier facts of the root project's model {@code uniqueId}, or null if it had none. */
        public ModelFacts facts(String uniqueId) {
            byte[] newer = stored.delta == null ? null : stored.delta.facts().get(uniqueId);
            if (newer != null) {
                return ModelFacts.decode(newer);
            }
            return stored.facts.find(uniqueId, ModelFacts::decode, ModelFacts::uniqueId);
        }

        public Map<String, Doc> docs() {
            return docs.get();
        }

        /**
         * Package -> the names of its macros, as the stored parse listed them: a model re-parse answers which naming
         * macro applies from these, without reading the macro files (unchanged, or the parse would be a full one).
         */
        public Map<String, java.util.Set<String>> macroNames() {
            return decodeMacroNames(stored.macroNames);
        }
    }

    /**
     * No usable cache; {@code why} says why (for --debug). The full parse that follows is stored with the files it
     * listed and read ({@link FileTable#ofParse}), so none were scanned for it.
     */
    public record Miss(String why) implements Lookup {
    }

    /**
     * Compares the stored parse with the present: {@code inputs} digest, the recorded environment variables' current
     * values (through {@code env}), and the files {@code scan} finds now. The stored manifest is decoded on a second
     * thread while the files are scanned, unless {@code decodeAhead} is false: then a cache that is used whole is
     * decoded only when its manifest is first asked for.
     */
    public Lookup lookup(String inputs, EnvReads env, Supplier<FileTable> scan, boolean decodeAhead) {
        if (!Files.exists(file)) {
            return new Miss("no parse cache yet"); // nothing to compare with: the files need not be scanned
        }
        // the files are scanned on another core while the cache file is read: both are needed to use it
        CompletableFuture<FileTable> scanning = CompletableFuture.supplyAsync(scan, DECODER);
        Supplier<FileTable> scanned = () -> dev.sluice.core.parallel.Threads.join(scanning);
        Stored stored;
        try {
            stored = read(inputs);
        } catch (NoSuchFileException e) {
            return new Miss("no parse cache yet");
        } catch (IOException | RuntimeException e) {
            return new Miss("the parse cache could not be read (" + e.getMessage() + ")");
        }
        if (!stored.inputs.equals(inputs)) {
            return new Miss("the target, --vars or Sluice itself changed");
        }
        if (!stored.envDigest.equals(env.digest(stored.envNames))) {
            return new Miss("an environment variable the project reads changed");
        }
        env.alsoRead(stored.envNames);
        Supplier<Manifest> decode = stored::decode;
        CompletableFuture<Manifest> decoding = decodeAhead ? CompletableFuture.supplyAsync(decode, DECODER) : null;
        FileTable current = scanned.get();
        FileTable.Changes changes = current.compare(stored.files);
        Supplier<Manifest> manifest = decoding == null ? Memo.of(decode) : () -> joinDecoded(decoding);
        if (changes.none()) {
            return new Fresh(manifest, stored.generation, stored.counts);
        }
        return new FilesChanged(new Earlier(stored, manifest), stored.generation, changes, current);
    }

    /** A decode started ahead; its bytes passed their checksum, so it fails only if Sluice itself is wrong. */
    private static Manifest joinDecoded(CompletableFuture<Manifest> decoding) {
        return dev.sluice.core.parallel.Threads.join(decoding);
    }

    /** One daemon thread, so a decode never keeps the process alive. */
    private static final java.util.concurrent.Executor DECODER = task -> {
        Thread thread = new Thread(task, "sluice-parse-cache");
        thread.setDaemon(true);
        thread.start();
    };

    /**
     * Stores a parse on a thread of its own and returns the generation it will have at once: encoding a large
     * manifest and hashing its files takes a core, while the command goes on to write manifest.json. The manifest
     * must not change afterwards (nothing changes a parsed manifest). {@code files} is asked for the file table on that
     * thread. {@link #awaitStored} waits for it; if the store fails, the cache file is removed, so nothing ever refers
     * to the generation returned. Best effort: a cache that cannot be written only costs the next parse its speed.
     */
    public long storeInBackground(String inputs, EnvReads env, Supplier<FileTable> files, Manifest manifest) {
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

    /** A delta holding more re-parsed nodes than this is folded into a full store instead. */
    private static final int DELTA_MAX_NODES = 256;

    /**
     * Stores a model re-parse as a delta over the stored parse ({@link ParseDelta}) on a thread of its own, and
     * returns the generation it will have; 0 when the delta would grow too large (then store the whole parse). The
     * delta holds every node re-parsed since the stored parse, so {@code reparsed} joins those already in it.
     */
    public long storeDeltaInBackground(String inputs, EnvReads env, FilesChanged changed, Collection<Node> reparsed) {
        Stored stored = changed.earlier().stored;
        ParseDelta earlier = stored.delta;
        Map<String, byte[]> nodes = new LinkedHashMap<>(earlier == null ? Map.of() : earlier.nodes());
        Map<String, byte[]> facts = new LinkedHashMap<>(earlier == null ? Map.of() : earlier.facts());
        for (Node node : reparsed) {
            nodes.remove(node.uniqueId); // re-added at the end: the order is the order of the latest edits
            nodes.put(node.uniqueId, null);
        }
        if (nodes.size() > DELTA_MAX_NODES) {
            return 0;
        }
        long generation = newGeneration();
        Set<String> names = new java.util.TreeSet<>(env.names());
        String digest = env.digest(names);
        Map<String, FileTable.Entry> files = new LinkedHashMap<>(earlier == null ? Map.of() : earlier.files());
        files.putAll(changed.files().entries(changed.changes().changed()));
        List<Node> these = List.copyOf(reparsed);
        awaitStored();
        Thread thread = new Thread(() -> {
            try {
                for (Node node : these) {
                    nodes.put(node.uniqueId, ManifestCodec.encodeNode(node));
                    facts.put(node.uniqueId, ModelFacts.encode(node));
                }
                new ParseDelta(inputs, stored.baseGeneration, generation, List.copyOf(names), digest, files, nodes,
                        facts).write(deltaFile());
            } catch (IOException | RuntimeException e) {
                debug.accept("could not write the parse cache delta " + deltaFile() + ": " + e.getMessage());
                deleteDelta(); // the stored parse then stands as it was, under its own generation
            }
        }, "sluice-parse-cache-store");
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

    private boolean storeNow(long generation, String inputs, Set<String> names, String envDigest,
                             Supplier<FileTable> files, Manifest manifest) {
        try {
            ManifestCounts counts = ManifestCounts.of(manifest);
            byte[] facts = factsOf(manifest);
            byte[] docs = ManifestCodec.encodeDocs(manifest.docs.values());
            byte[] macroNames = encodeMacroNames(manifest);
            FileTable hashed = files.get().withHashes();
            // streamed into the file: a manifest of 80,000 nodes is never held as one array (which the collector
            // would have to find room for, and copy as it grew)
            AtomicFile.replace(file, temp -> {
                try (var stream = new java.io.BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
                    stream.write(MAGIC);
                    CRC32C crc = new CRC32C();
                    BinaryOut out = new BinaryOut(new java.util.zip.CheckedOutputStream(stream, crc));
                    out.varint(ParseInputs.FORMAT);
                    out.string(inputs);
                    out.signed(generation);
                    out.strings(names);
                    out.string(envDigest);
                    hashed.write(out);
                    out.varint(counts.nodes().length);
                    for (int count : counts.nodes()) {
                        out.varint(count);
                    }
                    out.varint(counts.sources());
                    out.varint(counts.exposures());
                    out.varint(counts.macros());
                    out.bytes(facts);
                    out.bytes(docs);
                    out.bytes(macroNames);
                    out.flush();
                    // its own string numbering, as it is decoded on its own
                    BinaryOut body = new BinaryOut(out.sink());
                    ManifestCodec.write(body, manifest);
                    body.fixedLong(body.size()); // after it: its length is known only now
                    body.flush();
                    stream.write(ParseDelta.Checksummed.longBytes(crc.getValue()));
                } catch (java.io.UncheckedIOException e) {
                    throw e.getCause();
                }
            });
            deleteDelta(); // it named the parse just replaced, so it no longer counts anyway
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

    /** The facts of the root project's models, by unique id, for {@link Earlier#facts}. */
    private static byte[] factsOf(Manifest manifest) {
        Map<String, byte[]> facts = new java.util.LinkedHashMap<>();
        for (Node node : manifest.nodes.values()) {
            if (node.resourceType == ResourceType.MODEL && node.packageName.equals(manifest.projectName)) {
                facts.put(node.uniqueId, ModelFacts.encode(node));
            }
        }
        return KeyedRecords.write(facts);
    }

    private static byte[] encodeMacroNames(Manifest manifest) {
        Map<String, List<String>> byPackage = new LinkedHashMap<>();
        for (dev.sluice.core.manifest.Macro macro : manifest.macros.values()) {
            byPackage.computeIfAbsent(macro.packageName(), k -> new java.util.ArrayList<>()).add(macro.name());
        }
        BinaryOut out = new BinaryOut();
        out.varint(byPackage.size());
        byPackage.forEach((pkg, names) -> {
            out.string(pkg);
            out.strings(names);
        });
        return out.toByteArray();
    }

    private static Map<String, java.util.Set<String>> decodeMacroNames(byte[] bytes) {
        BinaryIn in = new BinaryIn(bytes);
        Map<String, java.util.Set<String>> byPackage = new LinkedHashMap<>();
        for (int i = in.count(); i > 0; i--) {
            String pkg = in.string();
            byPackage.put(pkg, new java.util.HashSet<>(in.strings()));
        }
        if (!in.atEnd()) {
            throw new CorruptCache("bytes left after the macro names");
        }
        return byPackage;
    }

    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale file is still harmless: its inputs or files will not match
        }
        deleteDelta();
    }

    private void deleteDelta() {
        try {
            Files.deleteIfExists(deltaFile());
        } catch (IOException ignored) {
            // harmless: a delta counts only with the stored parse it names
        }
    }

    private Path deltaFile() {
        return file.resolveSibling(ParseDelta.FILE_NAME);
    }

    /**
     * The stored parse as it stands: the cache file's, with its delta (if one counts) put over it — the delta's
     * generation, environment reads and newer file entries, and its re-parsed nodes replacing the stored ones.
     */
    private record Stored(String inputs, long generation, List<String> envNames, String envDigest, FileTable files,
                          ManifestCounts counts, KeyedRecords facts, byte[] docs, byte[] macroNames, Range manifest,
                          long baseGeneration, ParseDelta delta) {
        Manifest decode() {
            return ManifestCodec.decode(manifest.bytes(), manifest.from(), manifest.to(), replacedNodes());
        }

        Map<String, Node> replacedNodes() {
            if (delta == null) {
                return Map.of();
            }
            Map<String, Node> nodes = new java.util.HashMap<>();
            delta.nodes().forEach((id, bytes) -> nodes.put(id, ManifestCodec.decodeNode(bytes)));
            return nodes;
        }

        Stored with(ParseDelta newer) {
            return new Stored(inputs, newer.generation(), newer.envNames(), newer.envDigest(),
                    files.withEntries(newer.files()), counts, facts, docs, macroNames, manifest, baseGeneration, newer);
        }
    }

    private Stored read(String inputs) throws IOException {
        Stored base = readBase();
        ParseDelta delta = ParseDelta.read(deltaFile());
        boolean counts = delta != null && delta.baseGeneration() == base.generation && delta.inputs().equals(inputs)
                && base.inputs.equals(inputs);
        return counts ? base.with(delta) : base;
    }

    private Stored readBase() throws IOException {
        byte[] all = Files.readAllBytes(file);
        int bodyEnd = ParseDelta.Checksummed.verify(all, MAGIC);
        int manifestEnd = bodyEnd - 8;
        BinaryIn in = new BinaryIn(all, MAGIC.length, manifestEnd);
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
        KeyedRecords facts = KeyedRecords.of(in.bytes());
        byte[] docs = in.bytes();
        byte[] macroNames = in.bytes();
        long length = ParseDelta.Checksummed.readLong(all, manifestEnd);
        if (length != manifestEnd - in.position()) {
            throw new CorruptCache("the manifest is cut short");
        }
        Range manifest = new Range(all, in.position(), manifestEnd);
        return new Stored(inputs, generation, names, envDigest, files, counts, facts, docs, macroNames, manifest,
                generation, null);
    }

    /** A part of a byte array (the manifest inside the whole cache file read, never copied out). */
    private record Range(byte[] bytes, int from, int to) {
    }
}
