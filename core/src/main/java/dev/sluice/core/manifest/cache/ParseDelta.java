package dev.sluice.core.manifest.cache;

import dev.sluice.core.io.AtomicFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * What changed since the parse cache's stored parse, kept beside it as {@code partial_parse.delta.sluice}: a parse
 * that re-parsed a few models records them here (and the files it saw changed) instead of writing the whole cache
 * again, which for 80,000 nodes is tens of megabytes. It is cumulative: each such parse writes the delta of all
 * re-parses since the stored parse. A delta counts only with the very stored parse it names ({@code baseGeneration})
 * and the same inputs; anything else makes it ignored, and then the stored parse's older file table simply shows the
 * later edits as changed again — never a stale parse.
 *
 * @param nodes unique id -> the re-parsed node, encoded on its own ({@link ManifestCodec#encodeNode})
 * @param facts unique id -> the re-parsed model's {@link ModelFacts}
 */
record ParseDelta(String inputs, long baseGeneration, long generation, List<String> envNames, String envDigest,
                  Map<String, FileTable.Entry> files, Map<String, byte[]> nodes, Map<String, byte[]> facts) {
    static final String FILE_NAME = "partial_parse.delta.sluice";
    private static final byte[] MAGIC = "SLUICE-PARSE-DELTA\n".getBytes(StandardCharsets.US_ASCII);

    /** The delta in {@code file}, or null when there is none or it cannot be read (then it does not count). */
    static ParseDelta read(Path file) {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
        try {
            BinaryIn in = new BinaryIn(Checksummed.body(all, MAGIC));
            if (in.varint() != ParseInputs.FORMAT) {
                return null;
            }
            String inputs = in.string();
            long base = in.signed();
            long generation = in.signed();
            List<String> names = in.strings();
            String digest = in.string();
            Map<String, FileTable.Entry> files = new LinkedHashMap<>();
            for (int i = in.count(); i > 0; i--) {
                files.put(in.string(), new FileTable.Entry(in.varint(), in.signed(), in.signed()));
            }
            Map<String, byte[]> nodes = new LinkedHashMap<>();
            for (int i = in.count(); i > 0; i--) {
                nodes.put(in.string(), in.bytes());
            }
            Map<String, byte[]> facts = new LinkedHashMap<>();
            for (int i = in.count(); i > 0; i--) {
                facts.put(in.string(), in.bytes());
            }
            return in.atEnd() ? new ParseDelta(inputs, base, generation, names, digest, files, nodes, facts) : null;
        } catch (CorruptCache e) {
            return null;
        }
    }

    void write(Path file) throws IOException {
        BinaryOut out = new BinaryOut();
        out.varint(ParseInputs.FORMAT);
        out.string(inputs);
        out.signed(baseGeneration);
        out.signed(generation);
        out.strings(envNames);
        out.string(envDigest);
        out.varint(files.size());
        files.forEach((path, entry) -> {
            out.string(path);
            out.varint(entry.size());
            out.signed(entry.modifiedNanos());
            out.signed(entry.hash());
        });
        out.varint(nodes.size());
        nodes.forEach((id, bytes) -> {
            out.string(id);
            out.bytes(bytes);
        });
        out.varint(facts.size());
        facts.forEach((id, bytes) -> {
            out.string(id);
            out.bytes(bytes);
        });
        byte[] body = out.toByteArray();
        AtomicFile.replace(file, Checksummed.file(MAGIC, body));
    }

    /** Magic, body, then a CRC32C of the body: the framing of both parse cache files. */
    static final class Checksummed {
        private Checksummed() {
        }

        static byte[] file(byte[] magic, byte[] body) {
            CRC32C crc = new CRC32C();
            crc.update(body);
            byte[] all = Arrays.copyOf(magic, magic.length + body.length + 8);
            System.arraycopy(body, 0, all, magic.length, body.length);
            System.arraycopy(longBytes(crc.getValue()), 0, all, magic.length + body.length, 8);
            return all;
        }

        /** The body of a file {@link #file} framed, after checking its magic and checksum. */
        static byte[] body(byte[] all, byte[] magic) {
            return Arrays.copyOfRange(all, magic.length, verify(all, magic));
        }

        /** Checks the magic and the checksum of a file {@link #file} framed; returns where its body ends. */
        static int verify(byte[] all, byte[] magic) {
            int bodyStart = magic.length;
            if (all.length < bodyStart + 8 || !Arrays.equals(all, 0, magic.length, magic, 0, magic.length)) {
                throw new CorruptCache("not a Sluice parse cache file");
            }
            int bodyEnd = all.length - 8;
            CRC32C crc = new CRC32C();
            crc.update(all, bodyStart, bodyEnd - bodyStart);
            if (crc.getValue() != readLong(all, bodyEnd)) {
                throw new CorruptCache("checksum mismatch");
            }
            return bodyEnd;
        }

        static long readLong(byte[] bytes, int at) {
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value |= (long) (bytes[at + i] & 0xFF) << (8 * i);
            }
            return value;
        }

        static byte[] longBytes(long value) {
            byte[] out = new byte[8];
            for (int i = 0; i < 8; i++) {
                out[i] = (byte) (value >>> (8 * i));
            }
            return out;
        }
    }
}
