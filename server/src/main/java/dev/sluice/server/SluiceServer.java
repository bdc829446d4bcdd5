package dev.sluice.server;

import dev.sluice.deploy.Deploy;
import dev.sluice.deploy.DeployException;
import dev.sluice.deploy.Worker;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code sluice server}: one process hosting the scheduler (a tick every interval), the run workers (background
 * slots), the REST API and the web UI over one {@link Deploy}. {@link #close} shuts down in order: no new requests,
 * no new ticks, then the workers stop (a running step is cancelled and its run ends as cancelled).
 */
public final class SluiceServer implements AutoCloseable {

    /**
     * How the server runs.
     *
     * @param host              the address to bind (127.0.0.1 by default: only this machine)
     * @param port              0 picks a free port
     * @param workerSlots       runs executed at once by this process
     * @param schedulerInterval time between scheduler ticks (null: no scheduler in this process)
     * @param accountId         the account id the API answers to
     */
    public record Options(String host, int port, int workerSlots, Duration schedulerInterval, long accountId) {
        public static Options defaults() {
            return new Options("127.0.0.1", 8580, 2, Duration.ofSeconds(15), 1);
        }

        public Options withPort(int p) {
            return new Options(host, p, workerSlots, schedulerInterval, accountId);
        }

        public Options withHost(String h) {
            return new Options(h, port, workerSlots, schedulerInterval, accountId);
        }
    }

    private final Deploy deploy;
    private final Options options;
    private final ServiceTokens tokens;
    private final AdminLogin admin;
    private final Javalin app;
    private final Worker worker;
    private final ScheduledExecutorService scheduler;
    private final PrintStream log;
    private volatile boolean closed;

    private SluiceServer(Deploy deploy, Options options, PrintStream log) {
        this.deploy = deploy;
        this.options = options;
        this.log = log;
        this.tokens = new ServiceTokens(deploy.store(), deploy.config().clock());
        this.admin = new AdminLogin(deploy.store());
        Api api = new Api(deploy, tokens, options.accountId());
        Ui ui = new Ui(deploy, admin);
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.host = options.host();
            cfg.jetty.port = options.port();
            cfg.routes.exception(HttpError.class, (e, ctx) -> fail(ctx, e.status, e.getMessage()));
            cfg.routes.exception(DeployException.class, (e, ctx) -> fail(ctx, 400, e.getMessage()));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                log.println("Internal error on " + ctx.method() + " " + ctx.path() + ": " + e);
                fail(ctx, 500, "Internal error (a bug in Sluice); the server log has it.");
            });
            api.register(cfg.routes);
            ui.register(cfg.routes);
        });
        app.start();
        this.worker = options.workerSlots() > 0 ? deploy.startWorker("server", options.workerSlots()) : null;
        if (options.schedulerInterval() != null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "sluice-scheduler");
                t.setDaemon(true);
                return t;
            });
            long every = options.schedulerInterval().toMillis();
            scheduler.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
        } else {
            scheduler = null;
        }
    }

    /** Starts a server over {@code deploy} (which the caller closes after the server). */
    public static SluiceServer start(Deploy deploy, Options options, PrintStream log) {
        return new SluiceServer(deploy, options, log);
    }

    private void tick() {
        try {
            deploy.scheduler().tick().forEach(run -> log.println("Queued run " + run.id() + " of job "
                    + run.jobId() + " (" + run.cause().key() + ")"));
        } catch (RuntimeException e) {
            log.println("Scheduler tick failed: " + e.getMessage());
        }
    }

    private static void fail(Context ctx, int status, String message) {
        try {
            if (ctx.path().startsWith("/api/")) {
                Api.write(ctx, status, CloudJson.error(status, message));
            } else if (status == 401) {
                ctx.redirect("/login");
            } else {
                ctx.status(status).html(Ui.errorPage(status, message));
            }
        } catch (java.io.IOException e) {
            ctx.status(500).result("error");
        }
    }

    public int port() {
        return app.port();
    }

    public String url() {
        String host = options.host().equals("0.0.0.0") ? "127.0.0.1" : options.host();
        return "http://" + host + ":" + port();
    }

    public ServiceTokens tokens() {
        return tokens;
    }

    public AdminLogin admin() {
        return admin;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        app.stop();
        if (worker != null) {
            worker.close();
        }
    }
}
