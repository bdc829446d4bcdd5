package dev.sluice.deploy.demo;

import dev.sluice.deploy.DeployException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The formula1 example project, bundled in the jar (from examples/formula1), copied out for the demo and tests. */
public final class ExampleProject {
    static final String RESOURCE = "dev/sluice/deploy/demo/formula1";

    private ExampleProject() {
    }

    /** Copies the project's files into {@code dir}; returns the relative paths copied. */
    public static List<String> copyTo(Path dir) {
        URL url = ExampleProject.class.getClassLoader().getResource(RESOURCE + "/dbt_project.yml");
        if (url == null) {
            throw new DeployException("the formula1 example is not bundled in this build of Sluice");
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                FileSystem fs;
                try {
                    fs = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                }
                return copy(fs.getPath("/" + RESOURCE), dir);
            }
            return copy(Path.of(uri).getParent(), dir);
        } catch (IOException | URISyntaxException e) {
            throw new DeployException("cannot copy the formula1 example into " + dir + ": " + e.getMessage(), e);
        }
    }

    private static List<String> copy(Path root, Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            for (Path file : files) {
                Path to = dir.resolve(root.relativize(file).toString());
                Files.createDirectories(to.getParent());
                try (InputStream in = Files.newInputStream(file)) {
                    Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return files.stream().map(f -> root.relativize(f).toString()).toList();
        }
    }
}
