package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An invocation builds only the subcommands it names; what it prints is what the whole tree would print. */
class CommandTreeTest {
    @TempDir
    Path dir;

    private String output(BiFunction<Cli, String[], Integer> run, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
        Cli cli = new Cli(new CliContext(new FakeApi(), Map.of(), dir, stream, stream, Terminal.NONE, ZoneOffset.UTC));
        int code = run.apply(cli, args);
        return code + "\n" + out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpVersionAndUsageErrorsReadAsWithTheWholeTree() {
        List<String[]> invocations = List.of(new String[] {"--version"}, new String[] {"--help"}, new String[] {},
                new String[] {"parse", "--help"}, new String[] {"list", "--help"}, new String[] {"ls", "-h"},
                new String[] {"docs", "generate", "--help"}, new String[] {"docs"}, new String[] {"pars"},
                new String[] {"run", "--no-such-flag"}, new String[] {"--debug", "source", "freshness", "--help"},
                new String[] {"env", "--help"}, new String[] {"--version", "parse"});
        for (String[] args : invocations) {
            assertThat(output(Cli::execute, args)).as(String.join(" ", args))
                    .isEqualTo(output((cli, a) -> cli.commandLine().execute(a), args));
        }
    }

    @Test
    void aCommandRunsWithOnlyItsOwnModelBuilt() {
        Cli cli = new Cli(new CliContext(new FakeApi(), Map.of(), dir, System.out, System.err, Terminal.NONE,
                ZoneOffset.UTC));
        assertThat(cli.commandLine("--debug", "parse", "--project-dir", "x").getSubcommands()).containsOnlyKeys("parse");
        assertThat(cli.commandLine("ls", "--select", "run").getSubcommands()).containsOnlyKeys("ls", "list", "run");
        assertThat(cli.commandLine("--version").getSubcommands()).isEmpty();
        assertThat(cli.commandLine("--help").getSubcommands()).containsKeys("parse", "run", "docs", "server");
    }
}
