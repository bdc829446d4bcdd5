package dev.sluice.bench.jmh;

import dev.sluice.core.project.YamlReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reading every schema YAML file of a generated project: Sluice's {@link YamlReader} (its block reader, SnakeYAML for
 * what that declines) against SnakeYAML's own safe loader, the floor. One operation reads all the files once.
 * {@code bench/run.sh jmh} runs it on the scale2k and jinja projects.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class YamlReadBenchmark {
    /** A project folder written by {@code Generate}; its models/ folder's YAML files are read. */
    @Param("/tmp/sluice-bench/scale2k")
    public String dir;

    private List<String> texts;
    private Resolver resolver;

    @Setup
    public void load() {
        texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of(dir, "models"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                texts.add(Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("generate the project first (bench/run.sh does): " + dir, e);
        }
        resolver = YamlReader.resolver();
    }

    @Benchmark
    public void sluiceYamlReader(Blackhole out) {
        for (String text : texts) {
            out.consume(YamlReader.parse(text, "schema.yml", resolver));
        }
    }

    @Benchmark
    public void snakeYamlSafeLoad(Blackhole out) {
        for (String text : texts) {
            out.consume(new Yaml(new SafeConstructor(new LoaderOptions())).load(text));
        }
    }
}
