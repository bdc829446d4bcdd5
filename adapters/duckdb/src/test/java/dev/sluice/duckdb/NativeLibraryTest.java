package dev.sluice.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.spi.AdapterContext;
import dev.sluice.spi.AdapterException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibraryTest {
    @TempDir
    Path dir;

    @Test
    void aPreparedFactoryConnectsAsAnUnpreparedOneDoes() {
        DuckDbAdapterFactory factory = new DuckDbAdapterFactory();
        factory.prepare();
        factory.prepare();
        try (var adapter = factory.create(factory.normalize(Duck.target(Map.of("path", "p.duckdb"), 2)),
                new AdapterContext(dir, 2))) {
            assertThat(adapter.query("select 42", -1).rows()).containsExactly(java.util.List.of(42));
        }
    }

    @Test
    void awaitingWithoutAStartReturnsAtOnce() {
        new NativeLibrary().awaitLoaded();
    }

    @Test
    void aFailedLoadIsReportedWhenTheConnectionWaitsForIt() {
        NativeLibrary library = new NativeLibrary("org.duckdb.NoSuchClass");
        library.startLoading();
        assertThatThrownBy(library::awaitLoaded).isInstanceOf(AdapterException.class)
                .hasMessageContaining("cannot load DuckDB's native library")
                .hasMessageContaining("org.duckdb.NoSuchClass");
    }
}
