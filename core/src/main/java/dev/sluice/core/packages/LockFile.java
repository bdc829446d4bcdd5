package dev.sluice.core.packages;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.project.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * package-lock.yml: the exact packages the last {@code deps} installed (git commits resolved) and the SHA-1 of the
 * packages file they came from; while that file is unchanged, the next install uses the locked commits.
 */
final class LockFile {
    static final String NAME = "package-lock.yml";

    private final Map<String, Object> content;

    private LockFile(Map<String, Object> content) {
        this.content = content;
    }

    static LockFile read(Path projectDir) {
        Path file = projectDir.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            return new LockFile(Map.of());
        }
        return new LockFile(YamlReader.readMap(file, NAME));
    }

    boolean matches(PackagesFile declared) {
        return declared.file() != null && sha1(declared.text()).equals(content.get("sha1_hash"));
    }

    String revisionOf(String url) {
        if (content.get("packages") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> entry && url.equals(entry.get("git")) && entry.get("revision") != null) {
                    return String.valueOf(entry.get("revision"));
                }
            }
        }
        return null;
    }

    static void write(Path projectDir, PackagesFile declared, List<PackageInstaller.Installed> installed) {
        List<Object> packages = new ArrayList<>();
        installed.forEach(i -> packages.add(i.spec().lockEntry(i.name(), i.revision())));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("packages", packages);
        out.put("sha1_hash", sha1(declared.text()));
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        try {
            Files.writeString(projectDir.resolve(NAME), new Yaml(options).dump(out));
        } catch (IOException e) {
            throw new SluiceException(ErrorCode.IO, "cannot write " + NAME + ": " + e.getMessage());
        }
    }

    static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }
}
