package dev.sluice.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.jinja.JinjaEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileLoaderTest {
    @TempDir
    Path dir;

    private ProfileLoader loader(Map<String, String> env) {
        return new ProfileLoader(new JinjaEngine(), new EnvVars(env), text -> { });
    }

    @Test
    void dbtProfilesDirIsTheOnlyFolderSearchedWhenSet() throws Exception {
        Files.writeString(dir.resolve("profiles.yml"), "p: {}\n");
        Path envDir = dir.resolve("env");
        ProfileLoader loader = loader(Map.of("DBT_PROFILES_DIR", envDir.toString(), "HOME", dir.toString()));
        assertThat(loader.searchPath(ProfileRequest.defaults(), dir)).containsExactly(envDir);
        assertThatThrownBy(() -> loader.locate(ProfileRequest.defaults(), dir)).isInstanceOf(SluiceException.class)
                .hasMessageContaining(envDir.toString());
    }

    @Test
    void withoutTheVariableTheProjectFolderThenHomeDotDbt() {
        ProfileLoader loader = loader(Map.of("HOME", "/home/someone"));
        assertThat(loader.searchPath(ProfileRequest.defaults(), dir))
                .containsExactly(dir, Path.of("/home/someone", ".dbt"));
    }

    @Test
    void theFlagWinsOverTheVariable() {
        ProfileLoader loader = loader(Map.of("DBT_PROFILES_DIR", "/elsewhere"));
        Path flag = dir.resolve("flag");
        assertThat(loader.searchPath(new ProfileRequest(flag, null, null, null), dir)).containsExactly(flag);
    }
}
