package dev.sluice.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.spi.AdapterContext;
import dev.sluice.spi.AdapterException;
import dev.sluice.spi.AdapterFactory;
import dev.sluice.spi.TargetConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactoryTest {
    @TempDir
    Path dir;

    private final DuckDbAdapterFactory factory = new DuckDbAdapterFactory();

    @Test
    void registeredWithServiceLoader() {
        assertThat(ServiceLoader.load(AdapterFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.type().equals("duckdb")).findFirst()).get().isInstanceOf(DuckDbAdapterFactory.class);
    }

    @Test
    void normalizeNamesTheDatabaseAfterTheFileAndDefaultsTheSchema() {
        TargetConfig file = factory.normalize(Duck.target(Map.of("path", "target/dev.duckdb"), 1));
        assertThat(file.database()).isEqualTo("dev");
        assertThat(file.schema()).isEqualTo("main");
        assertThat(factory.normalize(Duck.target(Map.of("path", "/data/jaffle.shop.duckdb"), 1)).database())
                .isEqualTo("jaffle");
        assertThat(factory.normalize(Duck.target(Map.of("path", ":memory:"), 1)).database()).isEqualTo("memory");
        assertThat(factory.normalize(Duck.target(Map.of(), 1)).database()).isEqualTo("memory");

        TargetConfig explicit = factory.normalize(new TargetConfig("p", "dev", "duckdb", "dev", "staging", 1,
                Map.of("path", "dev.duckdb")));
        assertThat(explicit.schema()).isEqualTo("staging");
    }

    @Test
    void normalizedDatabaseMatchesWhatDuckDbCallsIt() {
        for (String name : List.of("dev.duckdb", "my.data.duckdb", "plain")) {
            try (DuckDbAdapter adapter = Duck.open(Map.of("path", name), 1, dir)) {
                assertThat(adapter.defaultDatabase()).as(name)
                        .isEqualTo(factory.normalize(Duck.target(Map.of("path", name), 1)).database());
            }
        }
    }

    @Test
    void relativePathResolvesAgainstTheProjectAndParentFoldersAreCreated() {
        Path project = dir.resolve("project");
        try (DuckDbAdapter adapter = Duck.open(Map.of("path", "target/db/dev.duckdb"), 1, project)) {
            adapter.execute("create table t as select 1 x");
            assertThat(adapter.defaultDatabase()).isEqualTo("dev");
        }
        assertThat(Files.isRegularFile(project.resolve("target/db/dev.duckdb"))).isTrue();
    }

    @Test
    void settingsBecomeDuckDbConfiguration() {
        Map<String, Object> fields = Map.of("settings", Map.of("threads", 3, "memory_limit", "512MB",
                "default_null_order", "nulls_first"));
        try (DuckDbAdapter adapter = Duck.open(fields, 2, dir)) {
            assertThat(adapter.query("select current_setting('threads'), current_setting('default_null_order')").rows())
                    .containsExactly(List.of(3L, "NULLS_FIRST"));
            assertThat(adapter.query("select current_setting('memory_limit')").rows().get(0).get(0).toString())
                    .matches("48[0-9](\\.[0-9]+)? MiB|512(\\.0)? MB");
        }
    }

    @Test
    void unknownSettingIsAUserErrorNamingIt() {
        Map<String, Object> fields = Map.of("settings", Map.of("not_a_setting", "1"));
        assertThatThrownBy(() -> Duck.open(fields, 1, dir))
                .isInstanceOf(AdapterException.class)
                .hasMessageContaining("not_a_setting")
                .hasMessageStartingWith("cannot open DuckDB database")
                .matches(e -> ((AdapterException) e).userError());
    }

    @Test
    void badSettingValueIsAUserErrorNamingTheSetting() {
        Map<String, Object> fields = Map.of("settings", Map.of("memory_limit", "lots"));
        assertThatThrownBy(() -> Duck.open(fields, 1, dir))
                .isInstanceOf(AdapterException.class)
                .hasMessageContaining("memory_limit")
                .hasMessageNotContaining("java.sql")
                .matches(e -> ((AdapterException) e).userError());
    }

    @Test
    void settingsMustBeAMapping() {
        assertThatThrownBy(() -> Duck.open(Map.of("settings", "threads=4"), 1, dir))
                .isInstanceOf(AdapterException.class)
                .hasMessageContaining("'settings' must be a mapping");
    }

    @Test
    void createUsesContextThreads() {
        TargetConfig target = factory.normalize(Duck.target(Map.of(), 1));
        try (DuckDbAdapter adapter = (DuckDbAdapter) factory.create(target, new AdapterContext(dir, 3))) {
            assertThat(adapter.poolSize()).isEqualTo(3);
        }
    }
}
