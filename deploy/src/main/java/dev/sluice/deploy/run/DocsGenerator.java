package dev.sluice.deploy.run;

import dev.sluice.core.api.InvocationOptions;
import dev.sluice.core.api.SluiceApi;

/**
 * How a run's docs step makes the docs (catalog.json and the docs site in target/). The engine has no
 * {@code docs generate} yet; until it does, {@link #UNAVAILABLE} records that docs were asked for and skipped. When
 * it lands, {@link #ENGINE} becomes a one-line lambda calling it, and {@code DeployConfig} takes it as its default.
 */
@FunctionalInterface
public interface DocsGenerator {

    /** Makes the docs; returns null when it did, or the reason it skipped them. Throws when it failed. */
    String generate(SluiceApi api, InvocationOptions options);

    DocsGenerator UNAVAILABLE = (api, options) -> "Docs were requested, but this build of Sluice has no `docs"
            + " generate` command yet; the step is skipped and the run goes on.";

    /** The engine's own docs command, once it exists (swap the body for {@code api.docsGenerate(options)}). */
    DocsGenerator ENGINE = UNAVAILABLE;
}
