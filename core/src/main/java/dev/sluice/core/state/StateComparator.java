package dev.sluice.core.state;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.core.state.StateManifest.StateMacro;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * dbt's state comparison between the current manifest and a previous one (the {@code --state} manifest).
 *
 * <ul>
 *   <li>new: the unique id is not in the previous manifest (nodes, sources, exposures).</li>
 *   <li>modified: new, or any aspect below changed, or the fqn changed.</li>
 *   <li>body: the raw code differs (seeds: the file checksum; unit tests: the checksum of their YAML entry).</li>
 *   <li>configs: the unrendered config differs (what the project wrote, so target-dependent values do not count).</li>
 *   <li>relation: the configured database, schema or alias differs (unrendered, as dbt compares); sources: the
 *       database, schema or identifier.</li>
 *   <li>persisted_descriptions: with {@code persist_docs.relation}/{@code columns} on, the description or a column
 *       description differs.</li>
 *   <li>macros: a macro the node calls (recursively) is new or its SQL changed.</li>
 *   <li>contract: the contract became enforced, stopped being enforced, or an enforced contract's columns (name and
 *       data type) or checksum changed.</li>
 * </ul>
 * A new node counts as modified under every sub-selector except macros, as in dbt.
 */
public final class StateComparator {

    /** The {@code state:modified.<aspect>} sub-selectors. */
    public enum Aspect {
        BODY, CONFIGS, RELATION, PERSISTED_DESCRIPTIONS, MACROS, CONTRACT;

        public static Optional<Aspect> parse(String text) {
            for (Aspect aspect : values()) {
                if (aspect.name().toLowerCase(Locale.ROOT).equals(text)) {
                    return Optional.of(aspect);
                }
            }
            return Optional.empty();
        }
    }

    private final StateManifest previous;
    private final StateManifest current;
    private final Map<String, Boolean> macroChanged = new ConcurrentHashMap<>();

    public StateComparator(StateManifest previous, StateManifest current) {
        this.previous = previous;
        this.current = current;
    }

    public boolean isNew(String uniqueId) {
        return previous.resource(uniqueId).isEmpty();
    }

    /** {@code state:modified}. */
    public boolean modified(String uniqueId) {
        StateNode now = current.resource(uniqueId).orElse(null);
        StateNode old = previous.resource(uniqueId).orElse(null);
        if (now == null) {
            return false;
        }
        if (old == null) {
            return true;
        }
        return switch (now.resourceType()) {
            case "source" -> !sameRelation(now, old) || !sameConfigs(now, old)
                    || !sameFields(now, old, "loaded_at_field", "freshness", "quoting", "external");
            case "exposure" -> !Objects.equals(now.fqn(), old.fqn()) || !sameConfigs(now, old)
                    || !sameFields(now, old, "type", "owner", "url", "maturity", "depends_on");
            default -> !sameBody(now, old) || !sameConfigs(now, old) || !samePersistedDescriptions(now, old)
                    || !Objects.equals(now.fqn(), old.fqn()) || !sameRelation(now, old) || !sameContract(now, old)
                    || macrosModified(now);
        };
    }

    /** {@code state:modified.<aspect>}. */
    public boolean modified(String uniqueId, Aspect aspect) {
        StateNode now = current.resource(uniqueId).orElse(null);
        if (now == null) {
            return false;
        }
        boolean isNode = !now.resourceType().equals("source") && !now.resourceType().equals("exposure");
        if (aspect == Aspect.MACROS) {
            return isNode && macrosModified(now);
        }
        boolean applies = switch (aspect) {
            case CONFIGS, RELATION -> !now.resourceType().equals("exposure");
            case CONTRACT -> now.resourceType().equals("model");
            default -> isNode;
        };
        if (!applies) {
            return false;
        }
        StateNode old = previous.resource(uniqueId).orElse(null);
        if (old == null) {
            return true;
        }
        return switch (aspect) {
            case BODY -> !sameBody(now, old);
            case CONFIGS -> !sameConfigs(now, old);
            case RELATION -> !sameRelation(now, old);
            case PERSISTED_DESCRIPTIONS -> !samePersistedDescriptions(now, old);
            case CONTRACT -> !sameContract(now, old);
            case MACROS -> throw new IllegalStateException("handled above");
        };
    }

    static boolean sameBody(StateNode now, StateNode old) {
        if (now.resourceType().equals("seed") || now.resourceType().equals("unit_test")) {
            return Objects.equals(now.checksum(), old.checksum());
        }
        return Objects.equals(nullToEmpty(now.rawCode()), nullToEmpty(old.rawCode()));
    }

    static boolean sameConfigs(StateNode now, StateNode old) {
        return now.unrendered().equals(old.unrendered());
    }

    static boolean sameRelation(StateNode now, StateNode old) {
        if (now.resourceType().equals("source")) {
            return Objects.equals(now.database(), old.database()) && Objects.equals(now.schema(), old.schema())
                    && Objects.equals(now.identifier(), old.identifier());
        }
        for (String key : new String[] {"database", "schema", "alias"}) {
            if (!Objects.equals(now.unrendered().get(key), old.unrendered().get(key))) {
                return false;
            }
        }
        return true;
    }

    static boolean samePersistedDescriptions(StateNode now, StateNode old) {
        JsonNode persist = now.config().path("persist_docs");
        if (persist.path("relation").asBoolean(false)
                && !Objects.equals(text(now.rest(), "description"), text(old.rest(), "description"))) {
            return false;
        }
        if (persist.path("columns").asBoolean(false)) {
            return columnDescriptions(now).equals(columnDescriptions(old));
        }
        return true;
    }

    static boolean sameContract(StateNode now, StateNode old) {
        boolean nowEnforced = enforced(now);
        boolean oldEnforced = enforced(old);
        if (!nowEnforced && !oldEnforced) {
            return true;
        }
        if (nowEnforced != oldEnforced) {
            return false;
        }
        String nowSum = text(now.rest().path("contract"), "checksum");
        String oldSum = text(old.rest().path("contract"), "checksum");
        if (nowSum != null && oldSum != null) {
            return nowSum.equals(oldSum);
        }
        return columnTypes(now).equals(columnTypes(old));
    }

    /** True when a macro the node depends on, directly or through other macros, is new or changed. */
    boolean macrosModified(StateNode node) {
        String pkg = text(node.rest(), "package_name");
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(MacroCalls.of(node.dependsOnMacros(), node.rawCode(), pkg,
                current.macros()));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (!seen.add(id)) {
                continue;
            }
            if (macroChanged.computeIfAbsent(id, this::macroItselfChanged)) {
                return true;
            }
            StateMacro macro = current.macro(id).orElse(null);
            if (macro != null) {
                todo.addAll(MacroCalls.of(macro.dependsOnMacros(), macro.macroSql(), macro.packageName(),
                        current.macros()));
            }
        }
        return false;
    }

    private boolean macroItselfChanged(String id) {
        StateMacro now = current.macro(id).orElse(null);
        StateMacro old = previous.macro(id).orElse(null);
        if (now == null) {
            return false;
        }
        return old == null || !Objects.equals(nullToEmpty(now.macroSql()), nullToEmpty(old.macroSql()));
    }

    private static boolean enforced(StateNode node) {
        JsonNode contract = node.config().path("contract");
        if (contract.isMissingNode()) {
            contract = node.rest().path("contract");
        }
        return contract.path("enforced").asBoolean(false);
    }

    private static Map<String, String> columnDescriptions(StateNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.rest().path("columns").fields().forEachRemaining(e ->
                out.put(e.getKey(), nullToEmpty(text(e.getValue(), "description"))));
        return out;
    }

    private static Map<String, String> columnTypes(StateNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.rest().path("columns").fields().forEachRemaining(e -> {
            String type = text(e.getValue(), "data_type");
            out.put(e.getKey().toLowerCase(Locale.ROOT), type == null ? "" : type.toLowerCase(Locale.ROOT));
        });
        return out;
    }

    private static boolean sameFields(StateNode now, StateNode old, String... keys) {
        for (String key : keys) {
            if (!Objects.equals(now.rest().get(key), old.rest().get(key))) {
                return false;
            }
        }
        return true;
    }

    private static String text(JsonNode node, String key) {
        return StateManifest.text(node, key);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
