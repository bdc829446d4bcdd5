package dev.sluice.deploy;

import dev.sluice.deploy.model.Run;
import dev.sluice.deploy.run.RunExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A worker: a registered process identity that claims queued runs and executes them, heartbeating while it lives.
 * {@link Deploy#worker} gives one that runs what it claims on the caller's thread ({@link #runAvailable},
 * {@link #runUntilFinished}); {@link Deploy#startWorker} one with background slots that poll the queue.
 */
public final class Worker implements AutoCloseable {
    private final Deploy deploy;
    private final String id;
    private final ScheduledExecutorService heartbeat;
    private final List<Thread> slots = new ArrayList<>();
    private volatile boolean stopping;

    Worker(Deploy deploy, String name) {
        this.deploy = deploy;
        this.id = deploy.queue().registerWorker(name);
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sluice-heartbeat-" + name);
            t.setDaemon(true);
            return t;
        });
        long every = deploy.config().heartbeat().toMillis();
        heartbeat.scheduleAtFixedRate(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    private void beat() {
        try {
            deploy.queue().heartbeat(id);
        } catch (RuntimeException e) {
            // the store is unreachable for a moment: the next beat tries again, and the lease allows for it
        }
    }

    public String id() {
        return id;
    }

    /** Heartbeats now (tests moving a clock; the background beat does this on its own). */
    public void heartbeat() {
        deploy.queue().heartbeat(id);
    }

    /** Starts {@code count} background slots, each claiming and executing runs until {@link #close}. */
    Worker startSlots(int count) {
        for (int i = 0; i < count; i++) {
            Thread t = new Thread(this::loop, "sluice-worker-" + id.substring(0, 8) + "-" + i);
            t.setDaemon(true);
            slots.add(t);
            t.start();
        }
        return this;
    }

    private void loop() {
        while (!stopping) {
            try {
                if (runOne().isEmpty()) {
                    Thread.sleep(deploy.config().poll().toMillis());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                try {
                    Thread.sleep(deploy.config().poll().toMillis());
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /** Claims one run and executes it on this thread; empty when nothing could be claimed. */
    public Optional<Run> runOne() {
        Optional<Run> claimed = deploy.queue().claim(id);
        return claimed.map(run -> new RunExecutor(deploy).execute(run));
    }

    /** Executes queued runs on this thread until none can be claimed; returns them as they ended. */
    public List<Run> runAvailable() {
        List<Run> done = new ArrayList<>();
        for (Optional<Run> run = runOne(); run.isPresent(); run = runOne()) {
            done.add(run.get());
        }
        return done;
    }

    /**
     * Works the queue on this thread until run {@code runId} has finished (it may wait behind another run of its
     * environment, here or in another process), and returns it.
     */
    public Run runUntilFinished(long runId) {
        while (true) {
            Run run = deploy.runs().get(runId);
            if (run.status().finished()) {
                return run;
            }
            if (runOne().isEmpty()) {
                try {
                    Thread.sleep(deploy.config().poll().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DeployException("interrupted while waiting for run " + runId);
                }
            }
        }
    }

    /** Stops the slots (a step in progress is cancelled when its thread is interrupted) and deregisters. */
    @Override
    public void close() {
        stopping = true;
        slots.forEach(Thread::interrupt);
        for (Thread t : slots) {
            try {
                t.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        heartbeat.shutdownNow();
        deploy.queue().stopWorker(id);
    }
}
