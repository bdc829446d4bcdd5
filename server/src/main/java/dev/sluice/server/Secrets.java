package dev.sluice.server;

import dev.sluice.deploy.DeployException;
import dev.sluice.deploy.store.Sql;
import dev.sluice.deploy.store.Store;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Hashing and the server's rows in the store's {@code deploy_setting} table (no migration of its own): service tokens
 * under {@code server.token.<id>} and the UI's admin login under {@code server.admin}. Only salted hashes are stored.
 */
final class Secrets {
    static final SecureRandom RANDOM = new SecureRandom();
    static final int PBKDF2_ITERATIONS = 210_000;

    private Secrets() {
    }

    static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** SHA-256 of salt and text, hex: for high-entropy service tokens. */
    static String sha256(String salt, String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(salt.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PBKDF2-HMAC-SHA256: for passwords people choose. */
    static String pbkdf2(String salt, String password, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt.getBytes(StandardCharsets.UTF_8), iterations,
                    256);
            return HexFormat.of().formatHex(SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec).getEncoded());
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    static Optional<String> get(Store store, String name) {
        return store.tx(c -> Sql.one(c, "select setting_value from deploy_setting where setting_name = ?",
                rs -> rs.getString(1), name));
    }

    static List<String[]> withPrefix(Store store, String prefix) {
        return store.tx(c -> Sql.list(c, "select setting_name, setting_value from deploy_setting"
                + " where setting_name like ? order by setting_name", rs -> new String[] {rs.getString(1),
                rs.getString(2)}, prefix + "%"));
    }

    /** Inserts a setting; false when it exists already (another process got there first). */
    static boolean insert(Store store, String name, String value) {
        try {
            return store.tx(c -> Sql.update(c, "insert into deploy_setting (setting_name, setting_value) values (?, ?)",
                    name, value)) == 1;
        } catch (DeployException e) {
            if (e.getCause() instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    static int delete(Store store, String name) {
        return store.tx(c -> Sql.update(c, "delete from deploy_setting where setting_name = ?", name));
    }
}
