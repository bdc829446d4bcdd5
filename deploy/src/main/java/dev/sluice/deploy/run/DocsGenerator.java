package dev.sluice.deploy.run;

import dev.sluice.core.api.InvocationOptions;
import dev.sluice.core.api.SluiceApi;

/**
 * How a run's docs step makes the docs (catalog.json and the docs site in target/): by default the engine's own
 * {@code docs generate}; {@link #UNAVAILABLE} is for stores or tests that must not generate docs.
 */
@FunctionalInterface
public interface DocsGenerator {

    /** Makes the docs; returns null when it did, or the reason it skipped them. Throws when it failed. */
    String generate(SluiceApi api, InvocationOptions options);

    DocsGenerator UNAVAILABLE = (api, options) -> "Docs were requested, but docs generation is turned off for this"
            + " deployment; the step is skipped and the run goes on.";

    /** The engine's own {@code docs generate}: catalog.json from the warehouse and the static site. */
    DocsGenerator ENGINE = (api, options) -> {
        api.docsGenerate(options, dev.sluice.core.api.DocsOptions.defaults());
        return null;
    };
}
