package dev.sluice.cli;

import java.nio.file.Path;

/** The runnable jar's entry point: {@code java -jar sluice.jar <command> [flags]}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        WarmUp.start(args);
        Cli cli = new Cli(ApiFactory.standard(), System.getenv(), Path.of("").toAbsolutePath(), System.out, System.err,
                Terminal.detect(System.getenv()));
        int code = cli.execute(args);
        System.out.flush();
        System.exit(code);
    }
}
