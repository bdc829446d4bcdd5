/**
 * Writes dbt-shaped artifacts so every tool that reads dbt's {@code target/} folder reads Sluice's.
 *
 * <p>Entry points:
 * <ul>
 *   <li>{@link dev.sluice.core.artifacts.ManifestJsonWriter#write} — {@code target/manifest.json}, dbt manifest
 *       schema v12, from a parsed {@link dev.sluice.core.manifest.Manifest} plus {@link
 *       dev.sluice.core.artifacts.ManifestExtras} (compiled SQL and relation names the engine computed later).</li>
 *   <li>{@link dev.sluice.core.artifacts.RunResultsJsonWriter#write} — {@code target/run_results.json}, schema v6,
 *       from {@link dev.sluice.core.execute.RunResults}.</li>
 *   <li>{@link dev.sluice.core.artifacts.ArtifactMetadata} — the {@code metadata} block both files share; build one
 *       per invocation so both files carry the same {@code invocation_id}.</li>
 * </ul>
 *
 * <p>Both writers also expose {@code toJson(...)}, the Jackson tree they write, for tests and for the server (which
 * stores artifacts with a run). Output is compact UTF-8 JSON, written to a temporary file beside the target and
 * moved into place, so a reader never sees half a file. Map keys are sorted by unique id so output is reproducible.
 *
 * <p>{@code ManifestJsonWriter} also keeps {@code manifest.index.sluice} beside manifest.json ({@code ManifestIndex}:
 * where each node and parent/child map entry sits, and the room of spaces left after each model node), so a later
 * write copies unchanged entries from the old file, rewrites only the metadata ({@code rewriteMetadataOnly}), or
 * writes re-parsed models over their old values in place ({@code patchNodes}, through {@code NodePatch} and
 * {@code IndexRecords}).
 *
 * <p>The per-resource serializers ({@code NodeJson}, {@code SourceJson}, {@code MacroJson}, {@code DocJson},
 * {@code ExposureJson}, {@code UnitTestJson}, {@code ConfigJson}, {@code ColumnJson}) are package-private: one class
 * per dbt resource shape, each following the key order of dbt's own serialization. The field names they write for
 * every node are encoded once, in {@code FieldNames}.
 */
package dev.sluice.core.artifacts;
