package dev.sluice.core.api;

import dev.sluice.core.events.Event;
import dev.sluice.core.graph.Dag;
import dev.sluice.core.graph.IndirectSelection;
import dev.sluice.core.graph.NodeSelector;
import dev.sluice.core.graph.SelectionRequest;
import dev.sluice.core.graph.SelectionResult;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.ResourceType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Turns a command's flags into the ordered list of nodes it acts on. */
final class Selection {
    private Selection() {
    }

    static List<Node> nodes(Session session, Dag dag, Set<ResourceType> commandTypes) {
        List<Node> nodes = new ArrayList<>();
        for (String id : ids(session, dag, commandTypes)) {
            Node node = session.parsed.manifest().nodes.get(id);
            if (node != null) {
                nodes.add(node);
            }
        }
        return nodes;
    }

    /** Selected unique ids (nodes, sources, exposures) in topological order. */
    static Set<String> ids(Session session, Dag dag, Set<ResourceType> commandTypes) {
        InvocationOptions options = session.options;
        Set<ResourceType> types = EnumSet.noneOf(ResourceType.class);
        types.addAll(commandTypes);
        if (!options.resourceTypes().isEmpty()) {
            Set<ResourceType> asked = EnumSet.noneOf(ResourceType.class);
            options.resourceTypes().forEach(t -> asked.add(parseType(t)));
            types.retainAll(asked);
            if (commandTypes.isEmpty()) {
                types.addAll(asked);
            }
        }
        Set<ResourceType> excluded = EnumSet.noneOf(ResourceType.class);
        options.excludeResourceTypes().forEach(t -> excluded.add(parseType(t)));
        SelectionRequest request = new SelectionRequest(options.select(), options.exclude(), options.selector(),
                types.isEmpty() ? null : types, excluded, IndirectSelection.parse(options.indirectSelection()));
        SelectionResult result = new NodeSelector(session.selectionMethods()).evaluate(session.parsed.manifest(), dag, request);
        result.warnings().forEach(w -> session.events().accept(Event.Message.warn(w)));
        return result.selected();
    }

    private static ResourceType parseType(String text) {
        try {
            return ResourceType.fromDbtName(text);
        } catch (IllegalArgumentException e) {
            throw new dev.sluice.core.errors.SluiceException(dev.sluice.core.errors.ErrorCode.SELECTOR_INVALID,
                    "unknown resource type '" + text + "'");
        }
    }
}
