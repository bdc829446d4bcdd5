package dev.sluice.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.errors.SluiceException;
import dev.sluice.spi.AdapterException;
import dev.sluice.testkit.TestProject;
import dev.sluice.testkit.postgres.EmbeddedPostgres;
import dev.sluice.testkit.postgres.SharedPostgres;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Configuration failures fail at once with a clear message; transient ones are retried, reported, then given up. */
class ConnectionFailuresTest {
    @RegisterExtension
    static final SharedPostgres PG = new SharedPostgres();

    @TempDir
    Path dir;

    private final Pg pg = new Pg();

    private Map<String, Object> fields(String key, Object value) {
        Map<String, Object> fields = Pg.fields(PG.server(), "public");
        fields.put("retries", 3);
        fields.put(key, value);
        return fields;
    }

    @Test
    void aWrongPasswordFailsAtOnceWithoutRetriesAndWithoutThePassword() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> pg.open(fields("password", "not-the-password"), 1))
                .isInstanceOf(AdapterException.class)
                .hasMessage("cannot connect to postgres://sluice@127.0.0.1:" + PG.server().port()
                        + "/sluice: password authentication failed for user \"sluice\"")
                .satisfies(e -> assertThat(((AdapterException) e).userError()).isTrue())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not-the-password"));
        assertThat(pg.notices).isEmpty();
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(PostgresAdapter.FIRST_BACKOFF_MILLIS);
    }

    @Test
    void aMissingDatabaseFailsAtOnce() {
        assertThatThrownBy(() -> pg.open(fields("dbname", "no_such_db"), 1))
                .isInstanceOf(AdapterException.class)
                .hasMessageEndingWith("/no_such_db: database \"no_such_db\" does not exist");
        assertThat(pg.notices).isEmpty();
    }

    @Test
    void throughTheEngineTheUserSeesOneClearLine() {
        String profile = PG.server().profileYaml("bad", EmbeddedPostgres.DATABASE, "public", 1, "")
                .replace(EmbeddedPostgres.PASSWORD, "wrong-secret");
        TestProject p = TestProject.at(dir).write("dbt_project.yml", "name: bad\nprofile: bad\n")
                .write("profiles.yml", profile)
                .write("models/m.sql", "select 1 as id\n");
        assertThatThrownBy(() -> p.sluice().run(p.options().build()))
                .isInstanceOf(SluiceException.class)
                .hasMessageContaining("Could not connect to target 'dev' (postgres)")
                .hasMessageContaining("password authentication failed for user \"sluice\"")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-secret"));
    }

    @Test
    void aServerThatIsNotThereIsRetriedAsRetriesSaysThenGivenUp() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, Object> fields = fields("port", closedPort);
        fields.put("retries", 2);
        assertThatThrownBy(() -> pg.open(fields, 1))
                .isInstanceOf(AdapterException.class)
                .hasMessageContaining("gave up after 3 attempts")
                .satisfies(e -> assertThat(((AdapterException) e).userError()).isFalse());
        assertThat(pg.notices).hasSize(2);
        assertThat(pg.notices.get(0)).contains("SQLSTATE 08001").contains("retry 1 of 2 in 1000 ms");
        assertThat(pg.notices.get(1)).contains("retry 2 of 2 in 2000 ms");
    }

    @Test
    void profileFieldsAreCheckedBeforeConnecting() {
        assertThatThrownBy(() -> pg.open(fields("sslmode", "sometimes"), 1))
                .hasMessageContaining("sslmode must be one of");
        assertThatThrownBy(() -> pg.open(fields("port", "five"), 1))
                .hasMessageContaining("'port' must be a whole number");
        Map<String, Object> noHost = Pg.fields(PG.server(), "public");
        noHost.remove("host");
        assertThatThrownBy(() -> pg.open(noHost, 1)).hasMessage("target 'dev' (postgres) needs 'host'");
    }

    @Test
    void roleSearchPathAndSslmodeDisableAreApplied() {
        PG.server().asSuperuser(EmbeddedPostgres.DATABASE, "do $$ begin if not exists (select 1 from pg_roles"
                + " where rolname = 'reporting') then create role reporting; end if; end $$",
                "grant reporting to " + EmbeddedPostgres.USER);
        Map<String, Object> fields = fields("role", "reporting");
        fields.put("search_path", "pg_catalog, public");
        fields.put("sslmode", "disable");
        fields.put("keepalives_idle", 30);
        fields.put("connect_timeout", 5);
        try (PostgresAdapter adapter = pg.open(fields, 1)) {
            assertThat(adapter.query("select current_role, current_setting('search_path')").rows().get(0))
                    .containsExactly("reporting", "pg_catalog, public");
        }
    }
}
