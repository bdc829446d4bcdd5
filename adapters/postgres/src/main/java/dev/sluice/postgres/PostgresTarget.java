package dev.sluice.postgres;

import dev.sluice.spi.AdapterException;
import dev.sluice.spi.TargetConfig;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * A {@code type: postgres} target with dbt-postgres' profile fields: {@code host}, {@code port} (5432), {@code user},
 * {@code password} (or {@code pass}), {@code dbname} (or {@code database}), {@code schema}, {@code threads},
 * {@code sslmode}, {@code connect_timeout} (10 s), {@code keepalives_idle} (0: the system's), {@code search_path},
 * {@code role}, {@code retries} (1), plus {@code sslcert}, {@code sslkey}, {@code sslrootcert} and
 * {@code application_name}. The password is kept out of {@link #toString()} and every message.
 */
record PostgresTarget(String host, int port, String user, String password, String dbname, String schema,
                      String sslmode, int connectTimeoutSeconds, int keepalivesIdleSeconds, String searchPath,
                      String role, int retries, Map<String, String> ssl, String applicationName) {

    static final Set<String> SSL_MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    static PostgresTarget of(TargetConfig target) {
        Map<String, Object> f = target.fields() == null ? Map.of() : target.fields();
        String name = "target '" + target.targetName() + "'";
        String host = required(f, name, "host");
        String user = required(f, name, "user");
        String dbname = text(f, "dbname");
        if (dbname == null) {
            dbname = text(f, "database");
        }
        if (dbname == null) {
            throw new AdapterException(name + " (postgres) needs 'dbname'", true);
        }
        String password = text(f, "password");
        if (password == null) {
            password = text(f, "pass");
        }
        String sslmode = text(f, "sslmode");
        if (sslmode != null && !SSL_MODES.contains(sslmode.toLowerCase(Locale.ROOT))) {
            throw new AdapterException(name + ": sslmode must be one of " + SSL_MODES.stream().sorted().toList()
                    + ", got '" + sslmode + "'", true);
        }
        Map<String, String> ssl = new java.util.LinkedHashMap<>();
        for (String key : new String[] {"sslcert", "sslkey", "sslrootcert"}) {
            String value = text(f, key);
            if (value != null) {
                ssl.put(key, value);
            }
        }
        String schema = target.schema() == null || target.schema().isBlank() ? "public" : target.schema();
        return new PostgresTarget(host, integer(f, name, "port", 5432), user, password, dbname, schema,
                sslmode == null ? null : sslmode.toLowerCase(Locale.ROOT), integer(f, name, "connect_timeout", 10),
                integer(f, name, "keepalives_idle", 0), text(f, "search_path"), text(f, "role"),
                integer(f, name, "retries", 1), Map.copyOf(ssl), text(f, "application_name"));
    }

    String url() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + h + ":" + port + "/" + urlEncode(dbname);
    }

    /** Driver properties; the password travels here, never in the URL. */
    Properties properties() {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("connectTimeout", String.valueOf(connectTimeoutSeconds));
        p.setProperty("loginTimeout", String.valueOf(Math.max(connectTimeoutSeconds, 1)));
        p.setProperty("ApplicationName", applicationName == null ? "sluice" : applicationName);
        if (keepalivesIdleSeconds > 0) {
            // the driver has no idle setting of its own: it turns on TCP keepalives, the OS times them
            p.setProperty("tcpKeepAlive", "true");
        }
        if (sslmode != null) {
            p.setProperty("sslmode", sslmode);
        }
        ssl.forEach(p::setProperty);
        // search_path and role are set with SET on every new connection (see ConnectionPool)
        return p;
    }

    /** Where the target points, for messages: never the password. */
    String describe() {
        return "postgres://" + user + "@" + host + ":" + port + "/" + dbname;
    }

    @Override
    public String toString() {
        return describe() + " (schema " + schema + ", retries " + retries + ")";
    }

    private static String urlEncode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String required(Map<String, Object> f, String name, String key) {
        String value = text(f, key);
        if (value == null) {
            throw new AdapterException(name + " (postgres) needs '" + key + "'", true);
        }
        return value;
    }

    private static String text(Map<String, Object> f, String key) {
        Object value = f.get(key);
        if (value == null) {
            return null;
        }
        String s = String.valueOf(value).strip();
        return s.isEmpty() ? null : s;
    }

    private static int integer(Map<String, Object> f, String name, String key, int fallback) {
        Object value = f.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            return fallback;
        }
        try {
            int n = value instanceof Number number ? number.intValue() : Integer.parseInt(String.valueOf(value).strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new AdapterException(name + ": '" + key + "' must be a whole number >= 0, got '" + value + "'", true);
        }
    }
}
