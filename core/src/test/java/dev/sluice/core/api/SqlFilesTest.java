package dev.sluice.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.errors.SluiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlFilesTest {
    @TempDir
    Path dir;

    private final SqlFiles files = new SqlFiles();

    @Test
    void writesNewFilesIntoNewFolders() throws Exception {
        Path file = dir.resolve("compiled/shop/models/schema.yml/unique_orders_id.sql");
        files.write(file, "select 1");
        files.write(dir.resolve("compiled/shop/models/schema.yml/not_null_orders_id.sql"), "select 2 -- é");
        assertThat(Files.readString(file)).isEqualTo("select 1");
        assertThat(Files.readString(file.resolveSibling("not_null_orders_id.sql"))).isEqualTo("select 2 -- é");
    }

    @Test
    void overwritesWithLongerShorterAndEmptyText() throws Exception {
        Path file = dir.resolve("run/model.sql");
        files.write(file, "select 1 as id");
        files.write(file, "select 1 as id, 2 as other_id");
        assertThat(Files.readString(file)).isEqualTo("select 1 as id, 2 as other_id");
        files.write(file, "select 3");
        assertThat(Files.readString(file)).isEqualTo("select 3");
        files.write(file, "select 4");
        assertThat(Files.readString(file)).isEqualTo("select 4");
        files.write(file, "");
        assertThat(Files.readString(file)).isEmpty();
    }

    @Test
    void leavesAFileThatHoldsTheTextAlready() throws Exception {
        Path file = dir.resolve("run/model.sql");
        files.write(file, "select 1");
        FileTime past = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(file, past);

        new SqlFiles().write(file, "select 1");
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(past);

        new SqlFiles().write(file, "select 2");
        assertThat(Files.getLastModifiedTime(file)).isNotEqualTo(past);
        assertThat(Files.readString(file)).isEqualTo("select 2");
    }

    @Test
    void aFolderInTheWayIsAClearError() throws Exception {
        Files.createDirectories(dir.resolve("run/model.sql"));
        assertThatThrownBy(() -> files.write(dir.resolve("run/model.sql"), "select 1"))
                .isInstanceOf(SluiceException.class)
                .hasMessageContaining("cannot write " + dir.resolve("run/model.sql"));
    }
}
