package dev.sluice.core.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The flags every command shares, as dbt spells them. Build with {@link #builder(Path)}; null means "not given".
 */
public record InvocationOptions(
        Path projectDir,
        Path profilesDir,
        String profile,
        String target,
        Map<String, Object> vars,
        Integer threads,
        List<String> select,
        List<String> exclude,
        String selector,
        List<String> resourceTypes,
        List<String> excludeResourceTypes,
        boolean failFast,
        boolean fullRefresh,
        String indirectSelection,
        Path targetPath,
        Path logPath,
        Path statePath,
        boolean defer,
        boolean favorState,
        Path deferState,
        boolean partialParse) {

    public static Builder builder(Path projectDir) {
        return new Builder(projectDir);
    }

    public Builder toBuilder() {
        Builder b = new Builder(projectDir);
        b.profilesDir = profilesDir;
        b.profile = profile;
        b.target = target;
        b.vars = vars;
        b.threads = threads;
        b.select = select;
        b.exclude = exclude;
        b.selector = selector;
        b.resourceTypes = resourceTypes;
        b.excludeResourceTypes = excludeResourceTypes;
        b.failFast = failFast;
        b.fullRefresh = fullRefresh;
        b.indirectSelection = indirectSelection;
        b.targetPath = targetPath;
        b.logPath = logPath;
        b.statePath = statePath;
        b.defer = defer;
        b.favorState = favorState;
        b.deferState = deferState;
        b.partialParse = partialParse;
        return b;
    }

    /** Fluent builder; every setter returns the builder. */
    public static final class Builder {
        private final Path projectDir;
        private Path profilesDir;
        private String profile;
        private String target;
        private Map<String, Object> vars = Map.of();
        private Integer threads;
        private List<String> select = List.of();
        private List<String> exclude = List.of();
        private String selector;
        private List<String> resourceTypes = List.of();
        private List<String> excludeResourceTypes = List.of();
        private boolean failFast;
        private boolean fullRefresh;
        private String indirectSelection = "eager";
        private Path targetPath;
        private Path logPath;
        private Path statePath;
        private boolean defer;
        private boolean favorState;
        private Path deferState;
        private boolean partialParse = true;

        private Builder(Path projectDir) {
            this.projectDir = projectDir;
        }

        public Builder profilesDir(Path v) { profilesDir = v; return this; }
        public Builder profile(String v) { profile = v; return this; }
        public Builder target(String v) { target = v; return this; }
        public Builder vars(Map<String, Object> v) { vars = v == null ? Map.of() : v; return this; }
        public Builder threads(Integer v) { threads = v; return this; }
        public Builder select(List<String> v) { select = v == null ? List.of() : v; return this; }
        public Builder exclude(List<String> v) { exclude = v == null ? List.of() : v; return this; }
        public Builder selector(String v) { selector = v; return this; }
        public Builder resourceTypes(List<String> v) { resourceTypes = v == null ? List.of() : v; return this; }
        public Builder excludeResourceTypes(List<String> v) { excludeResourceTypes = v == null ? List.of() : v; return this; }
        public Builder failFast(boolean v) { failFast = v; return this; }
        public Builder fullRefresh(boolean v) { fullRefresh = v; return this; }
        public Builder indirectSelection(String v) { indirectSelection = v == null ? "eager" : v; return this; }
        public Builder targetPath(Path v) { targetPath = v; return this; }
        public Builder logPath(Path v) { logPath = v; return this; }
        /** {@code --state}: the folder holding a previous invocation's manifest.json and run_results.json. */
        public Builder statePath(Path v) { statePath = v; return this; }
        /** {@code --defer}: refs to unselected nodes missing from the target resolve to the state's relations. */
        public Builder defer(boolean v) { defer = v; return this; }
        /** {@code --favor-state}: with --defer, unselected nodes resolve to the state's relations even if they exist. */
        public Builder favorState(boolean v) { favorState = v; return this; }
        /** {@code --defer-state}: the folder to defer to when it differs from --state. */
        public Builder deferState(Path v) { deferState = v; return this; }

        /** {@code --[no-]partial-parse}: reuse target/partial_parse.sluice where nothing it depends on changed (default on). */
        public Builder partialParse(boolean v) { partialParse = v; return this; }

        public InvocationOptions build() {
            return new InvocationOptions(projectDir, profilesDir, profile, target, vars, threads, select, exclude,
                    selector, resourceTypes, excludeResourceTypes, failFast, fullRefresh, indirectSelection,
                    targetPath, logPath, statePath, defer, favorState, deferState, partialParse);
        }
    }
}
