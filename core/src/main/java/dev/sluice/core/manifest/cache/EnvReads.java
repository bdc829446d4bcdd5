package dev.sluice.core.manifest.cache;

import dev.sluice.core.project.EnvVars;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The environment as a parse sees it, remembering which variables it read: a cached parse stays valid while those
 * variables keep their values, whatever else changes in the environment (PWD, SHLVL, ...).
 */
public final class EnvReads {
    private final Map<String, String> values;
    private final Set<String> read = new ConcurrentSkipListSet<>();
    private final EnvVars recording;

    public EnvReads(EnvVars env) {
        this.values = env.values();
        this.recording = new EnvVars(new RecordingMap());
    }

    /** The environment to hand to the loaders and the parser. */
    public EnvVars env() {
        return recording;
    }

    /** Every name read so far, sorted. */
    public Set<String> names() {
        return new TreeSet<>(read);
    }

    /**
     * Counts {@code names} as read: an earlier parse read them, and the parts of it this parse reuses still depend on
     * their values, so the cache this parse stores must record them too.
     */
    public void alsoRead(Collection<String> names) {
        read.addAll(names);
    }

    /** A digest of the current values of {@code names} (absent and empty differ); values themselves are never stored. */
    public String digest(Collection<String> names) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String name : new TreeSet<>(names)) {
                String value = values.get(name);
                sha.update((name + (value == null ? "\u0000" : "=" + value) + "\u0001").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The real environment, recording names looked up by key; iterating (for DBT_ENV_CUSTOM_ENV_*) is not a read. */
    private final class RecordingMap extends AbstractMap<String, String> {
        @Override
        public String get(Object key) {
            if (key instanceof String name) {
                read.add(name);
            }
            return values.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            if (key instanceof String name) {
                read.add(name);
            }
            return values.containsKey(key);
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return values.entrySet();
        }
    }
}
