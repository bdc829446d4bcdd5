package dev.sluice.server;

import dev.sluice.deploy.Deploy;
import dev.sluice.deploy.DeployConfig;
import dev.sluice.deploy.git.GitRepo;
import dev.sluice.deploy.model.DeploymentType;
import dev.sluice.deploy.model.Environment;
import dev.sluice.deploy.model.EnvironmentDraft;
import dev.sluice.deploy.model.Job;
import dev.sluice.deploy.model.JobDraft;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A real server for tests: a git repository holding a tiny DuckDB project (a seed, a model that logs a secret
 * variable, a test), the embedded H2 store in a temp data folder, a development and a production environment (with a
 * password and a secret variable), the job of the walk-through (seed, run, test), and the server on a free port.
 */
final class ServerFixture implements AutoCloseable {
    static final String PASSWORD = "pw-Zq81-never-shown";
    static final String SECRET = "sk-live-7Hd93kPq-secret";
    static final String ADMIN_PASSWORD = "admin-pass-for-tests";
    private static final String GITIGNORE = "target/\nlogs/\n*.duckdb\n*.duckdb.wal\n.sluice/\n";

    final Path dir;
    final Deploy deploy;
    final SluiceServer server;
    final Environment production;
    final Job job;
    final String sha;
    final ByteArrayOutputStream serverLog = new ByteArrayOutputStream();

    ServerFixture(Path dir) throws IOException {
        this.dir = dir;
        write("dbt_project.yml", "name: tiny\nversion: '1.0'\nconfig-version: 2\nprofile: tiny\n");
        write("profiles.yml", "tiny:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n"
                + "      path: warehouse.duckdb\n      schema: main\n      threads: 1\n");
        write(".gitignore", GITIGNORE);
        write("seeds/drivers.csv", "driver_id,name\n1,Hamilton\n2,Verstappen\n3,Leclerc\n");
        write("models/driver_count.sql", "{{ log('api key is ' ~ env_var('DBT_ENV_SECRET_API_KEY'), info=True) }}\n"
                + "select count(*) as drivers from {{ ref('drivers') }}\n");
        write("models/schema.yml", "version: 2\nmodels:\n  - name: driver_count\n    columns:\n      - name: drivers\n"
                + "        tests:\n          - not_null\n");
        try (GitRepo repo = GitRepo.init(dir, Map.of())) {
            repo.commitAll("Initial commit");
        }
        this.sha = dev.sluice.deploy.git.Workspace.resolveBranch(dir.toString(), "main");
        DeployConfig config = DeployConfig.builder(dir).dataDir(dir.resolve(".sluice"))
                .poll(Duration.ofMillis(100)).build();
        this.deploy = Deploy.open(config);
        deploy.environments().create(EnvironmentDraft.development("Development").profileTarget("dev").schema("dev"));
        this.production = deploy.environments().create(EnvironmentDraft.deployment("Deployment",
                        DeploymentType.PRODUCTION).profileTarget("dev").schema("dev").user("deployer")
                .password(PASSWORD).variable("DBT_ENV_SECRET_API_KEY", SECRET).variable("REGION", "eu"));
        this.job = deploy.jobs().create(new JobDraft("Partner Connect Trial Job", production.id())
                .commands("sluice seed", "sluice run", "sluice test"));
        new AdminLogin(deploy.store()).ensure("admin", ADMIN_PASSWORD);
        this.server = SluiceServer.start(deploy, new SluiceServer.Options("127.0.0.1", 0, 1, Duration.ofSeconds(1), 1),
                new PrintStream(serverLog, true, StandardCharsets.UTF_8));
    }

    String url() {
        return server.url();
    }

    String log() {
        return serverLog.toString(StandardCharsets.UTF_8);
    }

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Override
    public void close() {
        server.close();
        deploy.close();
    }
}
