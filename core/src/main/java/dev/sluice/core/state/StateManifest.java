package dev.sluice.core.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sluice.core.artifacts.ArtifactMetadata;
import dev.sluice.core.artifacts.ManifestExtras;
import dev.sluice.core.artifacts.ManifestJsonWriter;
import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.manifest.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The parts of a manifest that state selection, defer and clone read: nodes, sources and exposures by unique id, and
 * macros' SQL. Reads Sluice's manifest.json and dbt's (v12); unknown keys are ignored, missing ones read as empty.
 */
public final class StateManifest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, StateNode> resources;
    private final Map<String, StateMacro> macros;

    /** A macro as comparison needs it. */
    public record StateMacro(String uniqueId, String packageName, String name, String macroSql,
                             List<String> dependsOnMacros) {
    }

    StateManifest(Map<String, StateNode> resources, Map<String, StateMacro> macros) {
        this.resources = Collections.unmodifiableMap(resources);
        this.macros = Collections.unmodifiableMap(macros);
    }

    /** Reads {@code manifest.json}; a missing or unreadable file is an error naming it. */
    public static StateManifest read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SluiceException(ErrorCode.IO, "Could not find a manifest in the --state path: " + file);
        }
        try {
            return of(MAPPER.readTree(file.toFile()));
        } catch (IOException e) {
            throw new SluiceException(ErrorCode.IO, "Could not read the state manifest " + file + ": "
                    + e.getMessage());
        }
    }

    public static StateManifest parse(String json) {
        try {
            return of(MAPPER.readTree(json));
        } catch (IOException e) {
            throw new SluiceException(ErrorCode.IO, "Could not read a manifest: " + e.getMessage());
        }
    }

    /** The current invocation's manifest, seen through the same JSON as one read from disk. */
    public static StateManifest current(Manifest manifest, String adapterType) {
        ArtifactMetadata meta = ArtifactMetadata.forManifest(manifest.projectName, adapterType, UUID.randomUUID(),
                Instant.now());
        return of(new ManifestJsonWriter().toJson(manifest, ManifestExtras.parsedOnly(adapterType), meta));
    }

    public static StateManifest of(JsonNode root) {
        Map<String, StateNode> resources = new LinkedHashMap<>();
        for (String section : new String[] {"nodes", "sources", "exposures", "unit_tests"}) {
            JsonNode entries = root.path(section);
            entries.fields().forEachRemaining(e -> resources.put(e.getKey(), node(e.getKey(), e.getValue())));
        }
        Map<String, StateMacro> macros = new LinkedHashMap<>();
        root.path("macros").fields().forEachRemaining(e -> {
            JsonNode m = e.getValue();
            macros.put(e.getKey(), new StateMacro(e.getKey(), text(m, "package_name"), text(m, "name"),
                    text(m, "macro_sql"), strings(m.path("depends_on").path("macros"))));
        });
        return new StateManifest(resources, macros);
    }

    private static StateNode node(String id, JsonNode n) {
        String type = text(n, "resource_type");
        if (type == null) {
            type = id.substring(0, Math.max(0, id.indexOf('.')));
        }
        String identifier = "source".equals(type) ? text(n, "identifier") : text(n, "alias");
        if (identifier == null) {
            identifier = text(n, "name");
        }
        JsonNode config = n.path("config").isObject() ? n.get("config") : JsonNodeFactory.instance.objectNode();
        JsonNode unrendered = n.path("unrendered_config").isObject() ? n.get("unrendered_config")
                : JsonNodeFactory.instance.objectNode();
        // unit tests carry their checksum as a plain string, other nodes as {name, checksum}
        String checksum = n.path("checksum").isTextual() ? n.get("checksum").asText() : text(n.path("checksum"), "checksum");
        return new StateNode(id, type, text(n, "name"), strings(n.path("fqn")), checksum,
                text(n, "raw_code"), text(n, "database"), text(n, "schema"), identifier, text(n, "relation_name"),
                config, unrendered, strings(n.path("depends_on").path("macros")), n);
    }

    static String text(JsonNode node, String key) {
        JsonNode value = node == null ? null : node.get(key);
        return value == null || value.isNull() || value.isMissingNode() ? null : value.asText();
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(item -> out.add(item.asText()));
        }
        return out;
    }

    public Optional<StateNode> resource(String uniqueId) {
        return Optional.ofNullable(resources.get(uniqueId));
    }

    public Map<String, StateNode> resources() {
        return resources;
    }

    public Optional<StateMacro> macro(String uniqueId) {
        return Optional.ofNullable(macros.get(uniqueId));
    }

    public Map<String, StateMacro> macros() {
        return macros;
    }
}
