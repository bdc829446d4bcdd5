package dev.sluice.core.graph;

import dev.sluice.core.manifest.ResourceType;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a command asks to select: {@code --select} and {@code --exclude} values (each may hold several space-separated
 * terms), a {@code --selector} name, the resource types to keep ({@code --resource-type}, or the command's own types:
 * empty keeps every type), the types to drop ({@code --exclude-resource-type}) and {@code --indirect-selection}.
 * Null arguments mean "not given".
 */
public record SelectionRequest(List<String> select, List<String> exclude, String selector,
                               Set<ResourceType> resourceTypes, Set<ResourceType> excludeResourceTypes,
                               IndirectSelection indirectSelection) {

    public SelectionRequest {
        select = select == null ? List.of() : List.copyOf(select);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        selector = selector == null || selector.isBlank() ? null : selector.trim();
        resourceTypes = resourceTypes == null || resourceTypes.isEmpty() ? Set.of() : Set.copyOf(resourceTypes);
        excludeResourceTypes = excludeResourceTypes == null ? Set.of() : Set.copyOf(excludeResourceTypes);
        indirectSelection = indirectSelection == null ? IndirectSelection.EAGER : indirectSelection;
    }

    /** No flags: the default selector if the project has one, else everything. */
    public static SelectionRequest all() {
        return new SelectionRequest(null, null, null, null, null, null);
    }

    public static SelectionRequest select(String... values) {
        return all().withSelect(values);
    }

    public static SelectionRequest selector(String name) {
        return all().withSelector(name);
    }

    public SelectionRequest withSelect(String... values) {
        return new SelectionRequest(Arrays.asList(values), exclude, selector, resourceTypes, excludeResourceTypes,
                indirectSelection);
    }

    public SelectionRequest withExclude(String... values) {
        return new SelectionRequest(select, Arrays.asList(values), selector, resourceTypes, excludeResourceTypes,
                indirectSelection);
    }

    public SelectionRequest withSelector(String name) {
        return new SelectionRequest(select, exclude, name, resourceTypes, excludeResourceTypes, indirectSelection);
    }

    public SelectionRequest withResourceTypes(ResourceType... types) {
        return new SelectionRequest(select, exclude, selector, types.length == 0 ? Set.of() : EnumSet.copyOf(
                Arrays.asList(types)), excludeResourceTypes, indirectSelection);
    }

    public SelectionRequest withExcludeResourceTypes(ResourceType... types) {
        return new SelectionRequest(select, exclude, selector, resourceTypes, Set.of(types), indirectSelection);
    }

    public SelectionRequest withIndirectSelection(IndirectSelection mode) {
        return new SelectionRequest(select, exclude, selector, resourceTypes, excludeResourceTypes, mode);
    }

    /** True when {@code --select} or {@code --exclude} holds anything; then no default selector applies. */
    public boolean hasSelectOrExclude() {
        return hasText(select) || hasText(exclude);
    }

    /** Whether a resource of this type survives the type filters. */
    public boolean keeps(ResourceType type) {
        return (resourceTypes.isEmpty() || resourceTypes.contains(type)) && !excludeResourceTypes.contains(type);
    }

    private static boolean hasText(List<String> values) {
        return values.stream().anyMatch(v -> v != null && !v.isBlank());
    }
}
