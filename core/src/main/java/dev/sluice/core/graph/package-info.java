/**
 * The DAG and node selection: which resources a command acts on, and in what order.
 *
 * <p>Entry points:
 * <ul>
 *   <li>{@link dev.sluice.core.graph.Dag#of(dev.sluice.core.manifest.Manifest)}: the dependency graph over nodes,
 *       sources and exposures; topological order, parents, children, ancestors and descendants (optionally bounded by
 *       depth). Building it rejects cycles with {@code DEPENDENCY_CYCLE} ({@link dev.sluice.core.graph.CycleDetector}).</li>
 *   <li>{@link dev.sluice.core.graph.NodeSelector#select} / {@link dev.sluice.core.graph.NodeSelector#evaluate}: apply
 *       a {@link dev.sluice.core.graph.SelectionRequest} ({@code --select}, {@code --exclude}, {@code --selector},
 *       resource types, {@code --indirect-selection}) and get the selected unique ids in execution order, plus
 *       warnings.</li>
 *   <li>{@link dev.sluice.core.graph.NodeSelector#defaultSelector}: the selectors.yml selector marked
 *       {@code default: true}.</li>
 * </ul>
 *
 * <p>Inside: {@link dev.sluice.core.graph.SelectionParser} reads command-line syntax and
 * {@link dev.sluice.core.graph.YamlSelectorResolver} reads selectors.yml definitions, both into a
 * {@link dev.sluice.core.graph.SelectionSpec}; {@code SelectionEvaluator} runs it with the selector methods of
 * {@link dev.sluice.core.graph.method}, {@link dev.sluice.core.graph.GraphOperators} and indirect test selection.
 */
package dev.sluice.core.graph;
