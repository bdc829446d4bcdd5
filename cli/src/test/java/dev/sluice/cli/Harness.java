package dev.sluice.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the CLI in-process against a {@link FakeApi}, capturing stdout, stderr and the exit code. */
final class Harness {
    final FakeApi api = new FakeApi();
    final Map<String, String> env = new HashMap<>();
    Path cwd;
    Terminal terminal = Terminal.NONE;

    Harness(Path cwd) {
        this.cwd = cwd;
    }

    record Result(int code, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        Cli cli = new Cli(new CliContext(api, env, cwd, o, e, terminal, ZoneOffset.UTC));
        int code = cli.execute(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
