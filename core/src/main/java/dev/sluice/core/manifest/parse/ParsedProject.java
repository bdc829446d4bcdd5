package dev.sluice.core.manifest.parse;

import dev.sluice.core.jinja.MacroLibrary;
import dev.sluice.core.manifest.Manifest;
import dev.sluice.core.manifest.ManifestCounts;
import dev.sluice.core.manifest.cache.CacheLineage;
import dev.sluice.core.project.ProjectConfig;
import dev.sluice.core.project.Vars;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.parallel.Memo;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The parse stage's value: the manifest, plus what compiling needs alongside it (macros, vars, dispatch order). A
 * manifest reused whole from the parse cache may still be decoding, or not yet decoded at all (a {@code parse} that
 * only reports its counts and rewrites manifest.json's metadata never needs it): {@link #manifest} waits for it.
 */
public final class ParsedProject {
    private final ProjectConfig project;
    private final Supplier<Manifest> manifest;
    private final ManifestCounts counts;
    private final MacroLibrary macros;
    private final Vars vars;
    private final DispatchOrder dispatchOrder;
    private final ParseTarget target;
    private final CacheLineage lineage;
    private final Map<String, Node> reparsed;

    public ParsedProject(ProjectConfig project, Manifest manifest, MacroLibrary macros, Vars vars,
                         DispatchOrder dispatchOrder, ParseTarget target, CacheLineage lineage) {
        this(project, () -> manifest, null, macros, vars, dispatchOrder, target, lineage);
    }

    /** {@code manifest}: called once at most, on first use; {@code counts}: known without it (null: from it). */
    public ParsedProject(ProjectConfig project, Supplier<Manifest> manifest, ManifestCounts counts, MacroLibrary macros,
                         Vars vars, DispatchOrder dispatchOrder, ParseTarget target, CacheLineage lineage) {
        this(project, Memo.of(manifest), counts, macros, vars, dispatchOrder, target, lineage, Map.of());
    }

    private ParsedProject(ProjectConfig project, Supplier<Manifest> manifest, ManifestCounts counts,
                          MacroLibrary macros, Vars vars, DispatchOrder dispatchOrder, ParseTarget target,
                          CacheLineage lineage, Map<String, Node> reparsed) {
        this.reparsed = reparsed;
        this.project = project;
        this.manifest = manifest;
        this.counts = counts;
        this.macros = macros;
        this.vars = vars;
        this.dispatchOrder = dispatchOrder;
        this.target = target;
        this.lineage = lineage;
    }

    public ProjectConfig project() {
        return project;
    }

    public Manifest manifest() {
        return manifest.get();
    }

    /** How many resources of each kind; does not need the manifest when the parse cache recorded them. */
    public ManifestCounts counts() {
        if (counts != null) {
            return counts;
        }
        ManifestCounts computed = countedHere;
        if (computed == null) {
            countedHere = computed = ManifestCounts.of(manifest());
        }
        return computed;
    }

    /** The counts worked out from the manifest, once (a pass over every node). */
    private volatile ManifestCounts countedHere;

    public MacroLibrary macros() {
        return macros;
    }

    public Vars vars() {
        return vars;
    }

    public DispatchOrder dispatchOrder() {
        return dispatchOrder;
    }

    public ParseTarget target() {
        return target;
    }

    /** Where this manifest stands in the parse cache ({@link CacheLineage#NONE} when uncached). */
    public CacheLineage lineage() {
        return lineage;
    }

    public ParsedProject withLineage(CacheLineage newLineage) {
        return new ParsedProject(project, manifest, counts, macros, vars, dispatchOrder, target, newLineage,
                reparsed);
    }

    /** This parse, noting that the parse cache's earlier parse had {@code nodes} re-parsed to make it. */
    ParsedProject withReparsed(Map<String, Node> nodes) {
        return new ParsedProject(project, manifest, counts, macros, vars, dispatchOrder, target, lineage,
                java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(nodes)));
    }

    /**
     * The nodes re-parsed from the parse cache's earlier parse (unique id -> node), as {@link #manifest} holds them;
     * empty after a full parse or an unchanged one. Known without decoding the manifest.
     */
    public Map<String, Node> reparsed() {
        return reparsed;
    }

}
