package dev.sluice.core.io;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Hex digests of text as dbt writes them: sha256 for file checksums, md5 for generic test ids and the project id. One
 * digest per thread, reused: looking the algorithm up anew for each of 80,000 nodes was a visible part of a parse.
 */
public final class Digests {
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> digest("SHA-256"));
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> digest("MD5"));

    private Digests() {
    }

    public static String sha256(String text) {
        return hex(SHA256.get(), text);
    }

    public static String md5(String text) {
        return hex(MD5.get(), text);
    }

    private static String hex(MessageDigest digest, String text) {
        // digest() resets it for the next use on this thread
        return hex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static final byte[] DIGITS = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

    /**
     * Lower-case hex, as {@code HexFormat.of().formatHex} gives it: by table into one Latin-1 array (HexFormat's
     * general path was a visible part of building 60,000 generic tests, each hashed twice).
     */
    static String hex(byte[] bytes) {
        byte[] out = new byte[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = DIGITS[bytes[i] & 0xF];
        }
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
