package dev.sluice.core.manifest.parse;

import dev.sluice.core.manifest.cache.CacheLineage;
import dev.sluice.core.jinja.MacroLibrary;
import dev.sluice.core.manifest.Manifest;
import dev.sluice.core.project.ProjectConfig;
import dev.sluice.core.project.Vars;

/** The parse stage's value: the manifest, plus what compiling needs alongside it (macros, vars, dispatch order). */
public record ParsedProject(ProjectConfig project, Manifest manifest, MacroLibrary macros, Vars vars,
                            DispatchOrder dispatchOrder, ParseTarget target, CacheLineage lineage) {

    /** {@code lineage}: where this manifest stands in the parse cache ({@link CacheLineage#NONE} when uncached). */
    public ParsedProject withLineage(CacheLineage newLineage) {
        return new ParsedProject(project, manifest, macros, vars, dispatchOrder, target, newLineage);
    }
}
