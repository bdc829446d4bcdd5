package dev.sluice.core.manifest.parse;

import dev.sluice.core.jinja.MacroLibrary;
import dev.sluice.core.manifest.Manifest;
import dev.sluice.core.project.ProjectConfig;
import dev.sluice.core.project.Vars;

/** The parse stage's value: the manifest, plus what compiling needs alongside it (macros, vars, dispatch order). */
public record ParsedProject(ProjectConfig project, Manifest manifest, MacroLibrary macros, Vars vars,
                            DispatchOrder dispatchOrder, ParseTarget target) {
}
