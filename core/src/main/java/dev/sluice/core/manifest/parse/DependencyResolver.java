package dev.sluice.core.manifest.parse;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.errors.SourceLocation;
import dev.sluice.core.manifest.Exposure;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.ResourceType;
import dev.sluice.core.manifest.SourceDefinition;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns the refs and sources each node recorded into parent unique ids. An unknown or disabled ref is an error for a
 * model; a test on a missing or disabled node is disabled with a warning, as dbt does, and so is a unit test of a
 * disabled model (a unit test of a model that does not exist is an error).
 */
final class DependencyResolver {
    private final String rootPackage;
    private final Map<String, List<Node>> refableByName = new HashMap<>();
    private final Map<String, List<Node>> disabledByName = new HashMap<>();
    private final Map<String, SourceDefinition> sources = new HashMap<>();

    DependencyResolver(String rootPackage, Collection<Node> enabled, Collection<Node> disabled,
                       Collection<SourceDefinition> sourceDefinitions) {
        this.rootPackage = rootPackage;
        for (Node node : enabled) {
            if (isRefable(node)) {
                refableByName.computeIfAbsent(node.name, k -> new java.util.ArrayList<>()).add(node);
            }
        }
        for (Node node : disabled) {
            if (isRefable(node)) {
                disabledByName.computeIfAbsent(node.name, k -> new java.util.ArrayList<>()).add(node);
            }
        }
        for (SourceDefinition source : sourceDefinitions) {
            sources.put(source.sourceName + "." + source.name, source);
        }
    }

    private static boolean isRefable(Node node) {
        return node.resourceType == ResourceType.MODEL || node.resourceType == ResourceType.SEED
                || node.resourceType == ResourceType.SNAPSHOT;
    }

    /** Resolves one node; returns a reason when the node must be disabled instead (tests only). */
    String resolve(Node node) {
        for (List<String> ref : node.refs) {
            String pkg = ref.size() > 1 ? ref.get(0) : null;
            String name = ref.get(ref.size() - 1);
            Node target = find(refableByName.get(name), pkg, node.packageName);
            if (target == null) {
                Node disabled = find(disabledByName.get(name), pkg, node.packageName);
                String what = disabled != null ? "which is disabled" : "which was not found";
                if (node.resourceType == ResourceType.UNIT_TEST && disabled != null) {
                    return "Unit test '" + node.uniqueId + "' (" + node.originalFilePath + ") tests model '" + name
                            + "' " + what;
                }
                if (node.resourceType == ResourceType.UNIT_TEST) {
                    throw new SluiceException(ErrorCode.REF_NOT_FOUND, "Unable to find model '" + name
                            + "' for unit test '" + node.name + "' in " + node.originalFilePath,
                            SourceLocation.of(node.originalFilePath, node.line), node.describe(), null);
                }
                if (node.resourceType == ResourceType.TEST) {
                    return "Test '" + node.uniqueId + "' (" + node.originalFilePath + ") depends on a node named '"
                            + name + "' " + what;
                }
                throw new SluiceException(ErrorCode.REF_NOT_FOUND, capitalize(node.resourceType.dbtName()) + " '"
                        + node.uniqueId + "' (" + node.originalFilePath + ") depends on a node named '" + name + "' "
                        + what, SourceLocation.of(node.originalFilePath, lineOfCall(node.rawCode, name)),
                        node.describe(), null);
            }
            node.dependsOnNodes.add(target.uniqueId);
        }
        for (List<String> call : node.sources) {
            SourceDefinition source = sources.get(call.get(0) + "." + call.get(1));
            if (source == null) {
                String message = capitalize(node.resourceType.dbtName()) + " '" + node.uniqueId + "' ("
                        + node.originalFilePath + ") depends on a source named '" + call.get(0) + "." + call.get(1)
                        + "' which was not found";
                if (node.resourceType == ResourceType.TEST) {
                    return message;
                }
                throw new SluiceException(ErrorCode.SOURCE_NOT_FOUND, message,
                        SourceLocation.of(node.originalFilePath, lineOfCall(node.rawCode, call.get(1))),
                        node.describe(), null);
            }
            node.dependsOnNodes.add(source.uniqueId);
        }
        return null;
    }

    void resolve(Exposure exposure, Consumer<String> warn) {
        for (List<String> ref : exposure.refs) {
            Node target = find(refableByName.get(ref.get(ref.size() - 1)), ref.size() > 1 ? ref.get(0) : null,
                    exposure.packageName);
            if (target == null) {
                throw new SluiceException(ErrorCode.REF_NOT_FOUND, "Exposure '" + exposure.uniqueId + "' ("
                        + exposure.originalFilePath + ") depends on a node named '" + ref.get(ref.size() - 1)
                        + "' which was not found", SourceLocation.of(exposure.originalFilePath));
            }
            exposure.dependsOnNodes.add(target.uniqueId);
        }
        for (List<String> call : exposure.sources) {
            SourceDefinition source = sources.get(call.get(0) + "." + call.get(1));
            if (source == null) {
                throw new SluiceException(ErrorCode.SOURCE_NOT_FOUND, "Exposure '" + exposure.uniqueId
                        + "' depends on a source named '" + call.get(0) + "." + call.get(1) + "' which was not found",
                        SourceLocation.of(exposure.originalFilePath));
            }
            exposure.dependsOnNodes.add(source.uniqueId);
        }
    }

    /** A ref without a package prefers the caller's package, then the root project, then any package. */
    private Node find(List<Node> candidates, String pkg, String callerPackage) {
        if (candidates == null) {
            return null;
        }
        if (pkg != null) {
            return candidates.stream().filter(n -> n.packageName.equals(pkg)).findFirst().orElse(null);
        }
        for (String preferred : new String[] {callerPackage, rootPackage}) {
            for (Node node : candidates) {
                if (node.packageName.equals(preferred)) {
                    return node;
                }
            }
        }
        return candidates.get(0);
    }

    private static int lineOfCall(String code, String name) {
        if (code == null) {
            return 0;
        }
        String[] lines = code.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("'" + name + "'") || lines[i].contains("\"" + name + "\"")) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
