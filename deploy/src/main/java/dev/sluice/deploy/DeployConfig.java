package dev.sluice.deploy;

import dev.sluice.deploy.run.DocsGenerator;
import dev.sluice.spi.AdapterFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a deploy process runs with. Build with {@link #builder}; every collaborator is passed in (no statics), so
 * tests can run several deploy processes on one store in one JVM with a test clock.
 *
 * @param baseDir       the folder holding {@code .sluice/}: relative database paths of environments resolve here
 * @param dataDir       where run workspaces are checked out ({@code <baseDir>/.sluice} by default)
 * @param repository    the git repository runs clone (a local path or a URL)
 * @param projectSubdir where dbt_project.yml sits inside the repository ("" for its root)
 * @param adapters      the warehouse adapters the engine may open
 * @param baseEnv       environment variables every run sees, under the environment's own
 * @param docs          how the docs step makes docs
 * @param lease         a worker silent for this long is taken for dead and its runs end as errors
 * @param heartbeat     how often a worker heartbeats (real time)
 * @param poll          how often an idle worker looks for queued runs, and a running one for cancel requests
 */
public record DeployConfig(Path baseDir, Path dataDir, String repository, String projectSubdir,
                           Supplier<List<AdapterFactory>> adapters, Map<String, String> baseEnv, Clock clock,
                           DocsGenerator docs, Duration lease, Duration heartbeat, Duration poll,
                           boolean keepWorkspaces) {

    public static Builder builder(Path baseDir) {
        return new Builder(baseDir);
    }

    public Path projectDir(Path checkout) {
        return projectSubdir == null || projectSubdir.isBlank() ? checkout : checkout.resolve(projectSubdir);
    }

    /** Fluent builder with the defaults of a CLI process. */
    public static final class Builder {
        private final Path baseDir;
        private Path dataDir;
        private String repository;
        private String projectSubdir = "";
        private Supplier<List<AdapterFactory>> adapters = () -> java.util.ServiceLoader.load(AdapterFactory.class)
                .stream().map(java.util.ServiceLoader.Provider::get).toList();
        private Map<String, String> baseEnv = Map.of();
        private Clock clock = Clock.systemUTC();
        private DocsGenerator docs = DocsGenerator.ENGINE;
        private Duration lease = Duration.ofSeconds(60);
        private Duration heartbeat = Duration.ofSeconds(5);
        private Duration poll = Duration.ofMillis(200);
        private boolean keepWorkspaces;

        private Builder(Path baseDir) {
            this.baseDir = baseDir.toAbsolutePath().normalize();
        }

        public Builder dataDir(Path v) { dataDir = v; return this; }
        public Builder repository(String v) { repository = v; return this; }
        public Builder projectSubdir(String v) { projectSubdir = v == null ? "" : v; return this; }
        public Builder adapters(Supplier<List<AdapterFactory>> v) { adapters = v; return this; }
        public Builder baseEnv(Map<String, String> v) { baseEnv = Map.copyOf(v); return this; }
        public Builder clock(Clock v) { clock = v; return this; }
        public Builder docs(DocsGenerator v) { docs = v; return this; }
        public Builder lease(Duration v) { lease = v; return this; }
        public Builder heartbeat(Duration v) { heartbeat = v; return this; }
        public Builder poll(Duration v) { poll = v; return this; }
        public Builder keepWorkspaces(boolean v) { keepWorkspaces = v; return this; }

        public DeployConfig build() {
            Path data = dataDir != null ? dataDir : baseDir.resolve(".sluice");
            String repo = repository != null ? repository : baseDir.toString();
            return new DeployConfig(baseDir, data.toAbsolutePath().normalize(), repo, projectSubdir, adapters,
                    baseEnv, clock, docs, lease, heartbeat, poll, keepWorkspaces);
        }
    }
}
