package dev.sluice.duckdb;

import dev.sluice.spi.Relation;
import dev.sluice.spi.RelationType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What this adapter knows of the catalog, so that a run asks DuckDB for the relations of a schema once instead of once
 * per model: a schema's relations are listed on first use, then kept up to date by the adapter's own DDL (replace,
 * drop, seed load, schema create and drop). SQL the adapter cannot read (arbitrary statements, hooks, run_query) forgets
 * everything, and the next look-up lists again. Names compare case-insensitively, as DuckDB's do.
 */
final class RelationCache {
    /** lower(database).lower(schema) -> lower(identifier) -> relation; a present schema entry is complete. */
    private final Map<String, Map<String, Relation>> schemas = new ConcurrentHashMap<>();
    /** Schemas known to exist (created by this adapter or listed with relations in them). */
    private final Set<String> existing = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicInteger listings = new java.util.concurrent.atomic.AtomicInteger();

    /** How many times a schema was listed from the catalog (for tests). */
    int listings() {
        return listings.get();
    }

    private static String key(String database, String schema) {
        return (database == null ? "" : database.toLowerCase(Locale.ROOT)) + "\u0000"
                + (schema == null ? "" : schema.toLowerCase(Locale.ROOT));
    }

    private static String lower(String identifier) {
        return identifier.toLowerCase(Locale.ROOT);
    }

    /** The relations of a schema, listing them with {@code lister} only when this schema is not known yet. */
    List<Relation> list(String database, String schema, Supplier<List<Relation>> lister) {
        return List.copyOf(schema(database, schema, lister).values().stream()
                .sorted((a, b) -> a.identifier().compareTo(b.identifier())).toList());
    }

    Optional<Relation> get(String database, String schema, String identifier, Supplier<List<Relation>> lister) {
        return Optional.ofNullable(schema(database, schema, lister).get(lower(identifier)));
    }

    private Map<String, Relation> schema(String database, String schema, Supplier<List<Relation>> lister) {
        String key = key(database, schema);
        Map<String, Relation> known = schemas.get(key);
        if (known != null) {
            return known;
        }
        Map<String, Relation> listed = new ConcurrentHashMap<>();
        listings.incrementAndGet();
        for (Relation relation : lister.get()) {
            listed.put(lower(relation.identifier()), relation);
        }
        Map<String, Relation> raced = schemas.putIfAbsent(key, listed);
        return raced != null ? raced : listed;
    }

    /** The adapter built {@code relation} (as {@code type}); a schema not listed yet stays unlisted. */
    void built(String database, String schema, String identifier, RelationType type) {
        existing.add(key(database, schema));
        Map<String, Relation> known = schemas.get(key(database, schema));
        if (known != null) {
            known.put(lower(identifier), new Relation(database, schema, identifier, type));
        }
    }

    void dropped(String database, String schema, String identifier) {
        Map<String, Relation> known = schemas.get(key(database, schema));
        if (known != null) {
            known.remove(lower(identifier));
        }
    }

    boolean schemaExists(String database, String schema) {
        return existing.contains(key(database, schema));
    }

    void schemaCreated(String database, String schema) {
        existing.add(key(database, schema));
    }

    void schemaDropped(String database, String schema) {
        existing.remove(key(database, schema));
        schemas.remove(key(database, schema));
    }

    /** After SQL the adapter did not write itself: anything may have changed. */
    void forget() {
        schemas.clear();
        existing.clear();
    }

    private static final java.util.regex.Pattern WRITES = java.util.regex.Pattern.compile(
            "(?i)\\b(insert|update|delete|create|drop|alter|copy|merge|attach|detach|truncate)\\b");

    /** True for SQL that cannot change the catalog: a query that starts with select or with. */
    static boolean readsOnly(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(') {
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                break;
            }
        }
        String head = sql.substring(i, Math.min(n, i + 7)).toLowerCase(Locale.ROOT);
        boolean select = head.startsWith("select") && (head.length() == 6 || !Character.isLetterOrDigit(head.charAt(6)));
        boolean with = head.startsWith("with") && (head.length() == 4 || !Character.isLetterOrDigit(head.charAt(4)));
        if (!(select || with) || sql.indexOf(';') >= 0) {
            return false;
        }
        return select || !WRITES.matcher(sql).find();
    }
}
