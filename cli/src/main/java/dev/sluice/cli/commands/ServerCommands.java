package dev.sluice.cli.commands;

import dev.sluice.cli.CliContext;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.deploy.Deploy;
import dev.sluice.deploy.DeployConfig;
import dev.sluice.deploy.DeployException;
import dev.sluice.deploy.store.Store;
import dev.sluice.server.AdminLogin;
import dev.sluice.server.ServiceTokens;
import dev.sluice.server.SluiceServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sluice server} and {@code sluice token create|list|revoke}. */
final class ServerCommands {
    private ServerCommands() {
    }

    /** Where the store is: the embedded one of the data folder, or a PostgreSQL URL. */
    static final class StoreOptions {
        @Option(names = "--data", paramLabel = "DIR", description = "Data folder: the embedded store and run"
                + " workspaces (default: .sluice/ beside the project, or SLUICE_DATA_DIR).")
        Path data;

        @Option(names = "--store-url", paramLabel = "JDBC_URL", description = "A PostgreSQL store shared by several"
                + " servers, e.g. jdbc:postgresql://host/sluice (user and password from SLUICE_STORE_USER and"
                + " SLUICE_STORE_PASSWORD).")
        String storeUrl;

        Deploy open(CliContext ctx, Path projectDir) {
            DeployConfig c = DeployCommandBase.config(ctx, projectDir);
            if (data != null) {
                Path dir = ctx.cwd().resolve(data).toAbsolutePath().normalize();
                c = new DeployConfig(c.baseDir(), dir, c.repository(), c.projectSubdir(), c.adapters(), c.baseEnv(),
                        c.clock(), c.docs(), c.lease(), c.heartbeat(), c.poll(), c.keepWorkspaces());
            }
            if (storeUrl == null) {
                return Deploy.open(c);
            }
            Store store = Store.open(storeUrl, ctx.env().getOrDefault("SLUICE_STORE_USER", ""),
                    ctx.env().getOrDefault("SLUICE_STORE_PASSWORD", ""));
            return Deploy.open(c, store); // a PostgreSQL store keeps no connection open; nothing to close
        }
    }

    @Command(name = "server", description = "Runs the Sluice server: the scheduler, the run workers, the REST API"
            + " (/api/v2, described at /api/openapi.json) and the web UI, in the foreground. Ctrl-C stops it.")
    static final class Server implements Callable<Integer> {
        @ParentCommand
        SluiceCommand root;

        @Option(names = "--port", defaultValue = "8580", description = "Port (default 8580; 0 picks a free one).")
        int port;

        @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default 127.0.0.1;"
                + " 0.0.0.0 for every interface).")
        String host;

        @Option(names = "--workers", defaultValue = "2", description = "Runs this process executes at once.")
        int workers;

        @Option(names = "--scheduler-interval", defaultValue = "15", paramLabel = "SECONDS",
                description = "Seconds between scheduler passes (0: no scheduler in this process).")
        int interval;

        @Option(names = "--admin-user", defaultValue = "admin", description = "The web UI's user, set at the first"
                + " start; its password comes from SLUICE_ADMIN_PASSWORD or is generated and printed once.")
        String adminUser;

        @picocli.CommandLine.Mixin
        StoreOptions store = new StoreOptions();

        @Override
        public Integer call() {
            CliContext ctx = root.context();
            try {
                Deploy deploy = store.open(ctx, root.shared().projectDir(ctx));
                Optional<String> generated = new AdminLogin(deploy.store()).ensure(adminUser,
                        ctx.env().get("SLUICE_ADMIN_PASSWORD"));
                SluiceServer server = SluiceServer.start(deploy, new SluiceServer.Options(host, port, workers,
                        interval <= 0 ? null : Duration.ofSeconds(interval), 1), ctx.err());
                generated.ifPresent(p -> ctx.out().println("Created the web UI user '" + adminUser + "' with password "
                        + p + " (shown once; set SLUICE_ADMIN_PASSWORD before the first start to choose it)."));
                ctx.out().println("Sluice server on " + server.url() + " (store " + (store.storeUrl == null
                        ? "embedded in " + deploy.config().dataDir() : "at " + store.storeUrl.replaceAll("//[^@/]*@", "//"))
                        + "). API: " + server.url() + "/api/v2/accounts/1/ (tokens: `sluice token create`). Ctrl-C stops it.");
                CountDownLatch stopped = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    ctx.out().println("Stopping: no new requests or runs; running steps are cancelled.");
                    server.close();
                    deploy.close();
                    stopped.countDown();
                }, "sluice-server-shutdown"));
                stopped.await();
                return 0;
            } catch (DeployException e) {
                ctx.err().println("Error: " + e.getMessage());
                return 2;
            } catch (SluiceException e) {
                ctx.err().println("Error: " + e.describe());
                return e.code().exitCode();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 130;
            } catch (RuntimeException e) {
                ctx.err().println("Error: the server could not start: " + e.getMessage());
                return 2;
            }
        }
    }

    @Command(name = "token", description = "Service tokens for the server's REST API: create, list, revoke.",
            subcommands = {Create.class, ListTokens.class, Revoke.class})
    static final class TokenGroup implements Runnable, DeployCommandBase.Group {
        @ParentCommand
        SluiceCommand root;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public SluiceCommand root() {
            return root;
        }

        @Override
        public void run() {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Missing command: try 'token create --name NAME --scope read-only|job-admin', 'token list',"
                            + " 'token revoke NAME'");
        }
    }

    /** The frame of the token commands: the store (embedded or --store-url), errors as one line. */
    abstract static class TokenCommand implements Callable<Integer> {
        @ParentCommand
        TokenGroup group;

        @picocli.CommandLine.Mixin
        StoreOptions store = new StoreOptions();

        abstract int run(ServiceTokens tokens, CliContext ctx);

        @Override
        public Integer call() {
            CliContext ctx = group.root().context();
            try (Deploy deploy = store.open(ctx, group.root().shared().projectDir(ctx))) {
                return run(new ServiceTokens(deploy.store(), deploy.config().clock()), ctx);
            } catch (DeployException e) {
                ctx.err().println("Error: " + e.getMessage());
                return 2;
            }
        }
    }

    @Command(name = "create", description = "Creates a service token and prints it once (only its salted hash is"
            + " stored).")
    static final class Create extends TokenCommand {
        @Option(names = "--name", required = true, description = "What the token is for.")
        String name;

        @Option(names = "--scope", defaultValue = "read-only", description = "read-only (GET calls) or job-admin"
                + " (also edit jobs and environments, trigger, cancel and retry runs).")
        String scope;

        @Override
        int run(ServiceTokens tokens, CliContext ctx) {
            ServiceTokens.Created created = tokens.create(name, ServiceTokens.Scope.parse(scope));
            ctx.out().println("Created token '" + created.info().name() + "' (" + created.info().scope().key()
                    + "). Copy it now; it is not shown again:");
            ctx.out().println(created.token());
            return 0;
        }
    }

    @Command(name = "list", description = "Lists the service tokens (names and scopes, never the tokens).")
    static final class ListTokens extends TokenCommand {
        @Override
        int run(ServiceTokens tokens, CliContext ctx) {
            var all = tokens.list();
            if (all.isEmpty()) {
                ctx.out().println("No tokens yet: `sluice token create --name ci --scope job-admin`.");
            }
            all.forEach(t -> ctx.out().println(t.id() + "  " + t.name() + "  " + t.scope().key() + "  created "
                    + t.createdAt()));
            return 0;
        }
    }

    @Command(name = "revoke", description = "Deletes a service token; calls with it are refused from then on.")
    static final class Revoke extends TokenCommand {
        @Parameters(paramLabel = "TOKEN", description = "Token name or id.")
        String name;

        @Override
        int run(ServiceTokens tokens, CliContext ctx) {
            if (!tokens.revoke(name)) {
                throw new DeployException("No token named '" + name + "'. `sluice token list` shows them.");
            }
            ctx.out().println("Revoked token '" + name + "'.");
            return 0;
        }
    }
}
