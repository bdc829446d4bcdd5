package dev.sluice.core.artifacts;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the manifest writer needs beyond the parsed {@link dev.sluice.core.manifest.Manifest}: results of later stages.
 *
 * @param compiled      unique id -> compiled form, for nodes this invocation compiled (absent: written as parsed only)
 * @param relationNames unique id -> rendered relation ({@code "db"."schema"."alias"}) for nodes and sources; leave
 *                      ephemeral models and tests out (written as null)
 * @param adapterType   the profile's {@code type:} ({@code duckdb}, {@code postgres}, ...)
 * @param parsedAt      written as every resource's {@code created_at}; null means the metadata's generated_at
 * @param projectRoot   absolute project folder, written as seeds' {@code root_path}; null to derive it from the CSV
 */
public record ManifestExtras(Map<String, CompiledNode> compiled, Map<String, String> relationNames,
                             String adapterType, Instant parsedAt, String projectRoot) {

    /** One CTE injected into a node's compiled SQL for an ephemeral model it refs. */
    public record InjectedCte(String id, String sql) {
        public InjectedCte {
            Objects.requireNonNull(id, "id");
            sql = sql == null ? "" : sql;
        }
    }

    /**
     * @param compiledCode the SQL (or Python) sent to the warehouse, with ephemeral CTEs already injected
     * @param compiledPath {@code target/compiled/<package>/<original_file_path>}, or null
     * @param extraCtes    the ephemeral CTEs that were injected, in injection order
     */
    public record CompiledNode(String compiledCode, String compiledPath, List<InjectedCte> extraCtes) {
        public CompiledNode {
            Objects.requireNonNull(compiledCode, "compiledCode");
            extraCtes = extraCtes == null ? List.of() : List.copyOf(extraCtes);
        }

        public static CompiledNode of(String compiledCode) {
            return new CompiledNode(compiledCode, null, List.of());
        }
    }

    public ManifestExtras {
        // Hash maps, not Map.copyOf: its linear probing is slow on tens of thousands of ids that differ only at the end.
        // A map this record made already is passed on as it is: each with...() would otherwise copy 80,000 entries.
        compiled = compiled == null ? Map.of() : compiled instanceof Owned<CompiledNode> owned ? owned
                : new Owned<>(new HashMap<>(compiled));
        if (!(relationNames instanceof Owned<String>)) {
            // A null relation name simply means "none", so drop it.
            Map<String, String> names = new HashMap<>();
            if (relationNames != null) {
                relationNames.forEach((k, v) -> {
                    if (k != null && v != null) {
                        names.put(k, v);
                    }
                });
            }
            relationNames = new Owned<>(names);
        }
    }

    /** A read-only map this record copied in, and so need not copy again. */
    private static final class Owned<V> extends java.util.AbstractMap<String, V> {
        private final Map<String, V> map;

        Owned(Map<String, V> map) {
            this.map = map;
        }

        @Override
        public V get(Object key) {
            return map.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return map.containsKey(key);
        }

        @Override
        public int size() {
            return map.size();
        }

        @Override
        public java.util.Set<Entry<String, V>> entrySet() {
            return Collections.unmodifiableMap(map).entrySet();
        }
    }

    /** Nothing known beyond parsing (what {@code sluice parse} writes). */
    public static ManifestExtras parsedOnly(String adapterType) {
        return new ManifestExtras(Map.of(), Map.of(), adapterType, null, null);
    }

    public ManifestExtras withCompiled(Map<String, CompiledNode> newCompiled) {
        return new ManifestExtras(newCompiled, relationNames, adapterType, parsedAt, projectRoot);
    }

    public ManifestExtras withRelationNames(Map<String, String> names) {
        return new ManifestExtras(compiled, names, adapterType, parsedAt, projectRoot);
    }

    public ManifestExtras withParsedAt(Instant instant) {
        return new ManifestExtras(compiled, relationNames, adapterType, instant, projectRoot);
    }

    public ManifestExtras withProjectRoot(String root) {
        return new ManifestExtras(compiled, relationNames, adapterType, parsedAt, root);
    }

    String relationName(String uniqueId) {
        return relationNames.get(uniqueId);
    }

    CompiledNode compiledNode(String uniqueId) {
        return compiled.get(uniqueId);
    }
}
