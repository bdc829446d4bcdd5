package dev.sluice.testkit;

import dev.sluice.core.api.InvocationOptions;
import dev.sluice.core.api.Sluice;
import dev.sluice.core.project.EnvVars;
import dev.sluice.spi.AdapterFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * A dbt project on disk for a test: copied from the class path ({@code projects/shop}) or written from an inline map
 * of files, with a profiles.yml of the test's choosing, and a {@link Sluice} engine wired to a {@link RecordingSink}.
 */
public final class TestProject {
    private final Path dir;
    private final RecordingSink sink = new RecordingSink();
    private final Map<String, String> env = new LinkedHashMap<>(System.getenv());

    private TestProject(Path dir) {
        this.dir = dir;
    }

    public static TestProject at(Path dir) {
        return new TestProject(dir);
    }

    /** Copies a project folder from the class path (a folder or inside a jar) into {@code dir}. */
    public static TestProject fromClasspath(String resource, Path dir) {
        URL url = TestProject.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalArgumentException("no project on the class path at " + resource);
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    copyTree(jar.provider().getPath(uri), dir);
                }
            } else {
                copyTree(Path.of(uri), dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
        return new TestProject(dir);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = Files.newInputStream(source)) {
                        Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    /** Writes (or overwrites) files, paths relative to the project folder. */
    public TestProject write(Map<String, String> files) {
        files.forEach(this::write);
        return this;
    }

    public TestProject write(String path, String text) {
        try {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public TestProject delete(String path) {
        try {
            Files.deleteIfExists(dir.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A profiles.yml in the project folder pointing profile {@code profile} at a DuckDB file in the project. */
    public TestProject duckdbProfile(String profile, String schema, int threads) {
        return write("profiles.yml", profile + ":\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n"
                + "      path: \"warehouse.duckdb\"\n      schema: " + schema + "\n      threads: " + threads + "\n");
    }

    public TestProject env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public Path dir() {
        return dir;
    }

    public RecordingSink events() {
        return sink;
    }

    public Sluice sluice() {
        List<AdapterFactory> factories = ServiceLoader.load(AdapterFactory.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        return new Sluice(sink, new EnvVars(env), () -> factories);
    }

    /** Options with the project folder set and profiles read from it. */
    public InvocationOptions.Builder options() {
        return InvocationOptions.builder(dir).profilesDir(dir);
    }
}
