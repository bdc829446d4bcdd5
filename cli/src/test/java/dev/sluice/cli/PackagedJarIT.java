package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar and the launcher as a user runs them (this runs after the shade step, see cli/pom.xml): DuckDB's
 * native library is not inside the jar but beside it, and the jar builds the quickstart project with it; the
 * launcher lets JAVA_OPTS choose another garbage collector.
 */
class PackagedJarIT {
    private static final Path CLI = Path.of("").toAbsolutePath();
    private static final Path ROOT = CLI.getParent();
    private static final Path JAR = CLI.resolve("target/sluice.jar");

    @TempDir
    Path dir;

    @Test
    void duckDbsNativeLibraryLoadsFromBesideTheJar() throws Exception {
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            assertThat(jar.stream().map(e -> e.getName())).noneMatch(name -> name.contains("libduckdb_java"));
        }
        try (Stream<Path> beside = Files.list(JAR.getParent())) {
            assertThat(beside.map(p -> p.getFileName().toString())).contains("libduckdb_java.so_linux_amd64");
        }
        Path project = dir.resolve("formula1");
        copyProject(ROOT.resolve("examples/formula1"), project);
        Result build = run(List.of(java(), "-XX:+UseSerialGC", "-jar", JAR.toString(), "build", "--project-dir",
                project.toString()), Map.of());
        assertThat(build.exit()).as(build.output()).isZero();
        assertThat(build.output()).contains("Completed successfully");
        assertThat(project.resolve("formula1.duckdb")).exists();
    }

    @Test
    void theLauncherLetsJavaOptsChooseTheGarbageCollector() throws Exception {
        Result version = run(List.of(ROOT.resolve("sluice").toString(), "--version"),
                Map.of("SLUICE_NO_BUILD", "1", "SLUICE_NO_CDS", "1", "JAVA_OPTS", "-XX:+UseParallelGC"));
        assertThat(version.exit()).as(version.output()).isZero();
        assertThat(version.output()).contains("installed:");
    }

    private record Result(int exit, String output) {
    }

    private Result run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The example project without what earlier runs left in it (its database, target/, logs/). */
    private static void copyProject(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = from.relativize(file);
                String first = relative.getNameCount() == 0 ? "" : relative.getName(0).toString();
                if (first.equals("target") || first.equals("logs") || first.endsWith(".duckdb")
                        || first.endsWith(".duckdb.wal")) {
                    continue;
                }
                Path copy = to.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
    }
}
