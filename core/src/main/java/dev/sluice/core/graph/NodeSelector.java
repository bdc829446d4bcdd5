package dev.sluice.core.graph;

import dev.sluice.core.graph.IndirectTests.Picked;
import dev.sluice.core.graph.SelectionSpec.Criterion;
import dev.sluice.core.graph.method.Selectable;
import dev.sluice.core.graph.method.SelectionMethods;
import dev.sluice.core.manifest.Manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The entry point of selection: which resources a command runs, in the order to run them.
 *
 * <p>Which spec applies: {@code --selector} if given (then {@code --select}/{@code --exclude} are ignored with a
 * warning, as dbt ignores them); else, when neither {@code --select} nor {@code --exclude} is given, the selector
 * marked {@code default: true}; else the command-line spec, where no {@code --select} means everything. The result is
 * then narrowed to the request's resource types and ordered topologically.
 */
public final class NodeSelector {
    private final SelectionMethods methods;
    private final SelectionParser parser = new SelectionParser();

    public NodeSelector() {
        this(SelectionMethods.standard());
    }

    public NodeSelector(SelectionMethods methods) {
        this.methods = methods;
    }

    /** Selected unique ids in execution order. */
    public Set<String> select(Manifest manifest, SelectionRequest request) {
        return evaluate(manifest, request).selected();
    }

    public SelectionResult evaluate(Manifest manifest, SelectionRequest request) {
        return evaluate(manifest, Dag.of(manifest), request);
    }

    /** As {@link #evaluate(Manifest, SelectionRequest)}, reusing a graph the caller already built. */
    public SelectionResult evaluate(Manifest manifest, Dag dag, SelectionRequest request) {
        YamlSelectorResolver yaml = new YamlSelectorResolver(manifest.selectors);
        List<String> warnings = new ArrayList<>();
        String selectorUsed = request.selector();
        if (selectorUsed != null && request.hasSelectOrExclude()) {
            warnings.add("--select and --exclude are ignored because --selector " + selectorUsed + " is given");
        }
        if (selectorUsed == null && !request.hasSelectOrExclude()) {
            selectorUsed = yaml.defaultSelector().orElse(null);
        }
        SelectionSpec spec = selectorUsed != null ? Criterion.of("selector", selectorUsed)
                : parser.parse(request.select(), request.exclude());

        Map<String, Selectable> resources = Selectable.all(manifest);
        SelectionEvaluator evaluator = new SelectionEvaluator(manifest.projectName, dag, resources, methods, yaml,
                request.indirectSelection());
        Picked picked = evaluator.evaluate(spec);
        warnings.addAll(evaluator.warnings());

        List<String> kept = new ArrayList<>();
        for (String id : picked.direct()) {
            Selectable resource = resources.get(id);
            if (resource != null && request.keeps(resource.resourceType())) {
                kept.add(id);
            }
        }
        return new SelectionResult(dag.sort(kept), warnings, selectorUsed);
    }

    /** The selector marked {@code default: true} in selectors.yml, if any. */
    public static Optional<String> defaultSelector(Manifest manifest) {
        return new YamlSelectorResolver(manifest.selectors).defaultSelector();
    }
}
