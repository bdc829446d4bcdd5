package dev.sluice.core.project;

import java.nio.file.Path;
import java.util.Map;

/** What the command line says about profiles: {@code --profiles-dir}, {@code --profile}, {@code --target}, {@code --threads}. */
public record ProfileRequest(Path profilesDir, String profile, String target, Integer threads) {
    public static ProfileRequest defaults() {
        return new ProfileRequest(null, null, null, null);
    }
}
