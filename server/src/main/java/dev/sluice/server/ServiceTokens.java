package dev.sluice.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.deploy.DeployException;
import dev.sluice.deploy.store.Store;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Service tokens for the REST API. A token reads {@code sluice_<id>_<secret>}: the id finds its row, and only a
 * random salt and SHA-256(salt, secret) are stored, so the store never holds a usable token. Shown once at creation.
 */
public final class ServiceTokens {
    static final String PREFIX = "server.token.";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a token may do: read everything, or also change jobs and environments and trigger runs. */
    public enum Scope {
        READ_ONLY, JOB_ADMIN;

        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Scope parse(String text) {
            for (Scope s : values()) {
                if (s.key().equalsIgnoreCase(text.strip())) {
                    return s;
                }
            }
            throw new DeployException("unknown token scope '" + text + "': use read-only or job-admin");
        }
    }

    /** A stored token, without its secret. */
    public record Info(String id, String name, Scope scope, String createdAt) {
    }

    /** A new token: its text (shown once) and what is stored about it. */
    public record Created(String token, Info info) {
    }

    private final Store store;
    private final Clock clock;

    public ServiceTokens(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Created create(String name, Scope scope) {
        if (name == null || name.isBlank()) {
            throw new DeployException("A token needs a name (--name).");
        }
        if (list().stream().anyMatch(t -> t.name().equalsIgnoreCase(name.strip()))) {
            throw new DeployException("A token named '" + name.strip() + "' exists already.");
        }
        String id = Secrets.random(6).replace('-', 'x').replace('_', 'y');
        String secret = Secrets.random(32);
        String salt = Secrets.random(16);
        Info info = new Info(id, name.strip(), scope, clock.instant().toString());
        try {
            String row = JSON.writeValueAsString(Map.of("name", info.name(), "scope", scope.key(), "salt", salt,
                    "sha256", Secrets.sha256(salt, secret), "created_at", info.createdAt()));
            if (!Secrets.insert(store, PREFIX + id, row)) {
                throw new DeployException("token id clash; try again");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new Created("sluice_" + id + "_" + secret, info);
    }

    public List<Info> list() {
        List<Info> out = new ArrayList<>();
        for (String[] row : Secrets.withPrefix(store, PREFIX)) {
            out.add(info(row[0].substring(PREFIX.length()), read(row[1])));
        }
        return out;
    }

    public boolean revoke(String nameOrId) {
        for (Info info : list()) {
            if (info.id().equals(nameOrId) || info.name().equalsIgnoreCase(nameOrId)) {
                return Secrets.delete(store, PREFIX + info.id()) == 1;
            }
        }
        return false;
    }

    /** The token's stored info when the text is a valid token. */
    public Optional<Info> verify(String token) {
        if (token == null || !token.startsWith("sluice_")) {
            return Optional.empty();
        }
        String rest = token.substring("sluice_".length());
        int sep = rest.indexOf('_');
        if (sep <= 0) {
            return Optional.empty();
        }
        String id = rest.substring(0, sep);
        String secret = rest.substring(sep + 1);
        return Secrets.get(store, PREFIX + id).flatMap(value -> {
            Map<String, String> row = read(value);
            return Secrets.same(Secrets.sha256(row.get("salt"), secret), row.get("sha256"))
                    ? Optional.of(info(id, row)) : Optional.empty();
        });
    }

    private static Info info(String id, Map<String, String> row) {
        return new Info(id, row.get("name"), Scope.parse(row.get("scope")), row.get("created_at"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> read(String json) {
        try {
            return JSON.readValue(json, Map.class);
        } catch (java.io.IOException e) {
            throw new DeployException("unreadable token row: " + e.getMessage(), e);
        }
    }
}
