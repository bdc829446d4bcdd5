package dev.sluice.cli.commands;

import dev.sluice.core.docs.DocsServer;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sluice docs serve}: serves the site {@code docs generate} wrote until interrupted (Ctrl+C). Listens on
 * 127.0.0.1 unless {@code --host} says otherwise.
 */
@Command(name = "serve", description = "Serves the generated docs site over HTTP until interrupted.",
        sortOptions = false)
final class DocsServeCommand extends CommandBase {
    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT", description = "Port (default 8080; 0: any free port).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST",
            description = "Address to listen on (default 127.0.0.1; 0.0.0.0 for every interface).")
    String host;

    @Override
    protected int execute(Session s) {
        CountDownLatch stopped = new CountDownLatch(1);
        try (DocsServer server = s.api().docsServe(s.options(), host, port)) {
            s.reporter().info("DocsServing", "Press Ctrl+C to exit.");
            Thread hook = new Thread(server::close, "sluice-docs-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running already
                }
            }
        }
        return 0;
    }
}
