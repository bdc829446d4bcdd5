package dev.sluice.core.manifest.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything besides files and environment variables that a parse depends on — Sluice's own build, the project's
 * location, the target (profile output, adapter and its macros) and the {@code --vars} — reduced to one digest. A cached
 * parse made with another digest is never used. Credentials in the target are hashed, never stored.
 */
public final class ParseInputs {
    /** Bump when the cache file's layout or the meaning of its contents changes. */
    static final int FORMAT = 4;

    private final Map<String, String> parts = new TreeMap<>();

    public ParseInputs with(String name, Object value) {
        parts.put(name, String.valueOf(value));
        return this;
    }

    public String digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("format=" + FORMAT + "\u0001sluice=" + CodeStamp.VALUE + "\u0001").getBytes(StandardCharsets.UTF_8));
            parts.forEach((name, value) -> sha.update((name + "=" + value + "\u0001").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
