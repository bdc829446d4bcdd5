package dev.sluice.core.packages;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.errors.SourceLocation;
import java.util.LinkedHashMap;
import java.util.Map;

/** One entry of packages.yml / dependencies.yml: a local folder, a git repository, or a dbt Hub package. */
public sealed interface PackageSpec {

    /** The entry as package-lock.yml records it (git entries with the resolved commit). */
    Map<String, Object> lockEntry(String name, String resolvedRevision);

    record Local(String path) implements PackageSpec {
        @Override
        public Map<String, Object> lockEntry(String name, String resolvedRevision) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("local", path);
            out.put("name", name);
            return out;
        }
    }

    record Git(String url, String revision, String subdirectory) implements PackageSpec {
        @Override
        public Map<String, Object> lockEntry(String name, String resolvedRevision) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("git", url);
            out.put("name", name);
            out.put("revision", resolvedRevision);
            if (subdirectory != null) {
                out.put("subdirectory", subdirectory);
            }
            return out;
        }
    }

    record Hub(String name, Object version) implements PackageSpec {
        @Override
        public Map<String, Object> lockEntry(String lockName, String resolvedRevision) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("package", name);
            out.put("version", version);
            out.put("name", lockName);
            return out;
        }
    }

    static PackageSpec of(Map<?, ?> entry, String file) {
        if (entry.get("local") != null) {
            return new Local(String.valueOf(entry.get("local")));
        }
        if (entry.get("git") != null) {
            Object revision = entry.get("revision");
            Object subdirectory = entry.get("subdirectory");
            return new Git(String.valueOf(entry.get("git")), revision == null ? null : String.valueOf(revision),
                    subdirectory == null ? null : String.valueOf(subdirectory));
        }
        if (entry.get("package") != null) {
            return new Hub(String.valueOf(entry.get("package")), entry.get("version"));
        }
        throw new SluiceException(ErrorCode.CONFIG_INVALID, "a package entry needs 'local', 'git' or 'package': " + entry,
                SourceLocation.of(file));
    }
}
