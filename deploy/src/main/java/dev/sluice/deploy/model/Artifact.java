package dev.sluice.deploy.model;

/** A file a step left in target/ (manifest.json, run_results.json, catalog.json, index.html, sources.json). */
public record Artifact(long runId, int step, String path, long sizeBytes) {
}
