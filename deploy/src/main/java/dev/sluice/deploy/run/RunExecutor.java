package dev.sluice.deploy.run;

import dev.sluice.deploy.Deploy;
import dev.sluice.deploy.DeployConfig;
import dev.sluice.deploy.DeployException;
import dev.sluice.deploy.RunQueue;
import dev.sluice.deploy.git.Workspace;
import dev.sluice.deploy.model.Environment;
import dev.sluice.deploy.model.Job;
import dev.sluice.deploy.model.Run;
import dev.sluice.deploy.model.RunStatus;
import dev.sluice.deploy.model.RunStep;
import dev.sluice.deploy.model.StepStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Executes one claimed run: pins the branch's commit, checks it out into a fresh workspace, writes the environment's
 * profile, runs each step in order (each on its own thread, watched for cancel requests and the job's timeout), keeps
 * each step's artifacts, and ends the run as success, error or cancelled.
 */
public final class RunExecutor {
    /** Files of target/ a step leaves that the run keeps. */
    static final List<String> ARTIFACTS = List.of("manifest.json", "run_results.json", "sources.json",
            "catalog.json", "index.html");
    private static final Duration INTERRUPT_AFTER = Duration.ofSeconds(10);
    private static final Duration ABANDON_AFTER = Duration.ofSeconds(30);

    private final Deploy deploy;
    private final DeployConfig config;
    private final RunQueue queue;

    public RunExecutor(Deploy deploy) {
        this.deploy = deploy;
        this.config = deploy.config();
        this.queue = deploy.queue();
    }

    /** Runs the claimed run to its end; returns it as it ended. Never throws for what the run does. */
    public Run execute(Run claimed) {
        long id = claimed.id();
        Environment env = deploy.environments().get(claimed.environmentId());
        Job job = deploy.jobs().get(claimed.jobId());
        List<String> secrets = secrets(env);
        StepLog runLog = new StepLog(queue, config.clock(), id, 0, secrets);
        Path runDir = config.dataDir().resolve("runs").resolve("run-" + id);
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sluice-run-" + id);
            t.setDaemon(true);
            return t;
        });
        RunStatus status = RunStatus.SUCCESS;
        String message = null;
        try {
            runLog.info("Run " + id + " of job '" + job.name() + "' in environment '" + env.name() + "' ("
                    + claimed.cause().key() + (claimed.causeDetail() == null ? "" : ": " + claimed.causeDetail())
                    + ")");
            delete(runDir);
            String branch = env.branch();
            String sha = claimed.gitSha();
            if (sha == null) {
                sha = Workspace.resolveBranch(config.repository(), branch);
            }
            runLog.info("Cloning " + config.repository() + " and checking out " + branch + " at " + sha);
            Path checkout = runDir.resolve("repo");
            Workspace.checkout(config.repository(), sha, checkout);
            queue.markRunning(id, branch, sha);
            Path projectDir = config.projectDir(checkout);
            String schema = claimed.schemaOverride() != null ? claimed.schemaOverride() : env.schema();
            ProfileWriter.Written profile = ProfileWriter.write(env, projectDir, config.baseDir(),
                    runDir.resolve("profile"), schema, claimed.threads());
            runLog.info("Profile '" + profile.profile() + "', target '" + profile.target() + "'"
                    + (profile.schema() == null ? "" : ", schema '" + profile.schema() + "'"));
            Path deferState = deferState(job, runDir, runLog);
            Map<String, String> variables = new LinkedHashMap<>(config.baseEnv());
            variables.putAll(env.variables());
            variables.putAll(profile.secretVariables());
            StepRunner.Context ctx = new StepRunner.Context(projectDir, profile, runDir.resolve("target"),
                    runDir.resolve("logs"), claimed.threads(), deferState, variables, config.adapters(),
                    config.docs());
            Instant deadline = claimed.timeoutSeconds() == null || claimed.timeoutSeconds() <= 0 ? null
                    : claimed.startedAt().plusSeconds(claimed.timeoutSeconds());
            for (RunStep step : deploy.runs().steps(id)) {
                String stop = stopReason(id, deadline, claimed.timeoutSeconds());
                if (stop != null) {
                    status = stop.startsWith("Timed out") ? RunStatus.ERROR : RunStatus.CANCELLED;
                    message = stop;
                    break;
                }
                StepLog log = new StepLog(queue, config.clock(), id, step.index(), secrets);
                queue.startStep(id, step.index());
                clearArtifacts(ctx.targetDir());
                CancelHandle cancel = new CancelHandle();
                StepRunner.Outcome outcome = watch(thread.submit(() -> StepRunner.run(step.command(), ctx, log,
                        cancel)), cancel, id, deadline, claimed.timeoutSeconds(), log);
                keepArtifacts(id, step.index(), ctx.targetDir());
                boolean timedOut = cancel.reason() != null && cancel.reason().startsWith("Timed out");
                queue.finishStep(id, step.index(), timedOut ? StepStatus.ERROR : outcome.status(),
                        outcome.message());
                if (outcome.status() == StepStatus.CANCELLED) {
                    status = timedOut ? RunStatus.ERROR : RunStatus.CANCELLED;
                    message = cancel.reason();
                    break;
                }
                if (outcome.status() == StepStatus.ERROR) {
                    if (step.kind().equals("freshness")) {
                        log.info("Source freshness failed; as the job asks, the run goes on.");
                        continue;
                    }
                    status = RunStatus.ERROR;
                    message = "Step " + step.index() + " (`" + step.command() + "`) failed: " + outcome.message();
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            status = RunStatus.ERROR;
            message = e.getMessage() == null ? e.toString() : e.getMessage();
            runLog.error(message);
        } finally {
            thread.shutdownNow();
        }
        runLog.info("Run " + id + " " + status.key() + (message == null ? "" : ": " + message));
        Optional<Run> ended = queue.finish(id, status, message);
        if (!config.keepWorkspaces()) {
            try {
                delete(runDir);
            } catch (IOException ignored) {
                // a workspace left behind is replaced by the next run with this id; nothing depends on it
            }
        }
        return ended.orElseGet(() -> deploy.runs().get(id));
    }

    /** Why the run must stop before its next step, or null. */
    private String stopReason(long id, Instant deadline, Integer timeout) {
        if (deadline != null && config.clock().instant().isAfter(deadline)) {
            return "Timed out after " + timeout + " seconds";
        }
        return queue.cancelRequested(id) ? "Cancelled on request" : null;
    }

    /** Waits for a step, cancelling it on a cancel request or the timeout; a cancelled step ends as cancelled. */
    private StepRunner.Outcome watch(Future<StepRunner.Outcome> step, CancelHandle cancel, long id, Instant deadline,
                                     Integer timeout, StepLog log) {
        long cancelledAt = 0;
        boolean interrupted = false;
        while (true) {
            try {
                StepRunner.Outcome outcome = step.get(config.poll().toMillis(), TimeUnit.MILLISECONDS);
                return cancel.reason() == null ? outcome : new StepRunner.Outcome(StepStatus.CANCELLED,
                        cancel.reason());
            } catch (TimeoutException e) {
                if (cancel.reason() == null) {
                    String stop = stopReason(id, deadline, timeout);
                    if (stop != null) {
                        log.error(stop + ": stopping the step's SQL.");
                        cancel.cancel(stop);
                        cancelledAt = System.nanoTime();
                    }
                } else {
                    cancel.cancel(cancel.reason()); // again: a statement that started since is stopped too
                    long waited = System.nanoTime() - cancelledAt;
                    if (!interrupted && waited > INTERRUPT_AFTER.toNanos()) {
                        step.cancel(true);
                        interrupted = true;
                    }
                    if (waited > ABANDON_AFTER.toNanos()) {
                        log.error("The step did not stop within " + ABANDON_AFTER.toSeconds() + "s; it is left"
                                + " behind.");
                        return new StepRunner.Outcome(StepStatus.CANCELLED, cancel.reason());
                    }
                }
            } catch (java.util.concurrent.CancellationException e) {
                return new StepRunner.Outcome(StepStatus.CANCELLED, cancel.reason());
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cancel.reason() != null) {
                    return new StepRunner.Outcome(StepStatus.CANCELLED, cancel.reason());
                }
                String text = cause instanceof DeployException ? cause.getMessage()
                        : "Internal error (a bug in Sluice): " + cause;
                log.error(text);
                return new StepRunner.Outcome(StepStatus.ERROR, text);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel.cancel("Cancelled: the Sluice process is stopping");
                return new StepRunner.Outcome(StepStatus.CANCELLED, cancel.reason());
            }
        }
    }

    /** The manifest of the run this job defers to, copied into the workspace; null when it does not defer. */
    private Path deferState(Job job, Path runDir, StepLog log) throws IOException {
        Long jobId = job.execution().deferToJobId();
        Long envId = job.execution().deferToEnvironmentId();
        if (jobId == null && envId == null) {
            return null;
        }
        Optional<Run> last = deploy.runs().lastSuccessful(jobId, envId);
        Optional<String> manifest = last.flatMap(r -> deploy.runs().artifact(r.id(), null, "manifest.json"));
        String what = jobId != null ? "job " + deploy.jobs().get(jobId).name()
                : "environment " + deploy.environments().get(envId).name();
        if (manifest.isEmpty()) {
            log.info("Deferral: " + what + " has no successful run with a manifest yet; running without deferral.");
            return null;
        }
        Path dir = runDir.resolve("defer-state");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("manifest.json"), manifest.get(), StandardCharsets.UTF_8);
        log.info("Deferring to run " + last.get().id() + " of " + what + ".");
        return dir;
    }

    private static void clearArtifacts(Path targetDir) throws IOException {
        for (String name : ARTIFACTS) {
            Files.deleteIfExists(targetDir.resolve(name));
        }
        dev.sluice.core.packages.FileTrees.delete(targetDir.resolve("docs"));
    }

    private void keepArtifacts(long id, int step, Path targetDir) throws IOException {
        for (String name : ARTIFACTS) {
            Path file = targetDir.resolve(name);
            if (Files.isRegularFile(file)) {
                queue.artifact(id, step, name, Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        keepDocsSite(id, step, targetDir);
    }

    /** The docs site's pages and data beside index.html (target/docs/**), so the server can serve the whole site. */
    private void keepDocsSite(long id, int step, Path targetDir) throws IOException {
        Path docs = targetDir.resolve("docs");
        if (!Files.isRegularFile(targetDir.resolve("index.html")) || !Files.isDirectory(docs)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(docs)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String path = targetDir.relativize(file).toString().replace('\\', '/');
            try {
                queue.artifact(id, step, path, Files.readString(file, StandardCharsets.UTF_8));
            } catch (java.nio.charset.MalformedInputException binary) {
                // the site is text (HTML, JS, CSS, JSON); a binary file has no place in the text store
            }
        }
    }

    /** Values that never appear in a log: secret variables and the credentials' password. */
    private static List<String> secrets(Environment env) {
        List<String> out = new ArrayList<>();
        env.variables().forEach((k, v) -> {
            if (Environment.isSecret(k)) {
                out.add(v);
            }
        });
        if (env.password() != null) {
            out.add(env.password());
        }
        return out;
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                p.toFile().setWritable(true);
                Files.delete(p);
            }
        }
    }
}
