/**
 * Source freshness ({@code sluice source freshness}): how old the newest row of each source table is, graded against
 * its {@code warn_after} / {@code error_after} thresholds, and the {@code sources.json} artifact.
 *
 * <p>Entry points:
 * <ul>
 *   <li>{@link dev.sluice.core.freshness.FreshnessTarget#of}: whether a source is checked (a threshold is set), with
 *       its {@code loaded_at_field} and {@link dev.sluice.core.freshness.FreshnessCriteria}.</li>
 *   <li>{@link dev.sluice.core.freshness.FreshnessRun#run}: checks targets on a worker pool, emitting NodeStarted /
 *       NodeFinished events; each check is a {@link dev.sluice.core.freshness.FreshnessCheck} running
 *       {@link dev.sluice.core.freshness.FreshnessSql} through the adapter. A failing query is a
 *       {@code runtime error} result, never an exception.</li>
 *   <li>{@link dev.sluice.core.freshness.SourcesJson}: writes dbt's sources.json v3;
 *       {@link dev.sluice.core.freshness.SourcesJsonReader} reads one back as a
 *       {@link dev.sluice.core.freshness.FreshnessSnapshot} for {@code source_status:} selection
 *       ({@link dev.sluice.core.graph.method.SourceStatusMethod}).</li>
 * </ul>
 *
 * <p>The command itself (selection, hooks, artifacts) is {@code dev.sluice.core.api.FreshnessCommand}, behind
 * {@link dev.sluice.core.api.SluiceApi#freshness}. Inheritance of freshness blocks (project, source, table;
 * {@code freshness: null}) happens at parse time, in {@code manifest.parse.FreshnessInheritance}.
 */
package dev.sluice.core.freshness;
