package dev.sluice.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.deploy.DeployException;
import dev.sluice.deploy.store.Store;
import java.util.Map;
import java.util.Optional;

/**
 * The web UI's login: one user whose password is set at the first start (given, or generated and printed once) and
 * stored as PBKDF2-HMAC-SHA256 with a random salt under {@code server.admin}.
 */
public final class AdminLogin {
    static final String KEY = "server.admin";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Store store;

    public AdminLogin(Store store) {
        this.store = store;
    }

    /**
     * Makes sure the admin exists. Returns the generated password when this call created the user without one given
     * (to print once), empty otherwise.
     */
    public Optional<String> ensure(String user, String givenPassword) {
        if (Secrets.get(store, KEY).isPresent()) {
            return Optional.empty();
        }
        boolean generate = givenPassword == null || givenPassword.isBlank();
        String password = generate ? Secrets.random(12) : givenPassword;
        String salt = Secrets.random(16);
        try {
            String row = JSON.writeValueAsString(Map.of("user", user, "salt", salt, "iterations",
                    String.valueOf(Secrets.PBKDF2_ITERATIONS), "pbkdf2_sha256",
                    Secrets.pbkdf2(salt, password, Secrets.PBKDF2_ITERATIONS)));
            boolean created = Secrets.insert(store, KEY, row);
            return created && generate ? Optional.of(password) : Optional.empty();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public String user() {
        return row().get("user");
    }

    public boolean check(String user, String password) {
        if (user == null || password == null) {
            return false;
        }
        Map<String, String> row = row();
        String hash = Secrets.pbkdf2(row.get("salt"), password, Integer.parseInt(row.get("iterations")));
        return row.get("user").equals(user) & Secrets.same(hash, row.get("pbkdf2_sha256"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> row() {
        String json = Secrets.get(store, KEY).orElseThrow(() -> new DeployException("no admin user yet"));
        try {
            return JSON.readValue(json, Map.class);
        } catch (java.io.IOException e) {
            throw new DeployException("unreadable admin row: " + e.getMessage(), e);
        }
    }
}
