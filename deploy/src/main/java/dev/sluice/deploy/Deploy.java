package dev.sluice.deploy;

import dev.sluice.deploy.store.Store;

/**
 * The deploy module's door, for the CLI and the server: environments, jobs, runs, the queue, the scheduler and
 * workers over one metadata store.
 */
public final class Deploy implements AutoCloseable {
    private final DeployConfig config;
    private final Store store;
    private final boolean ownsStore;
    private final Environments environments;
    private final Jobs jobs;
    private final Runs runs;
    private final RunQueue queue;

    private Deploy(DeployConfig config, Store store, boolean ownsStore) {
        this.config = config;
        this.store = store;
        this.ownsStore = ownsStore;
        this.environments = new Environments(store, config.clock());
        this.jobs = new Jobs(store, config.clock());
        this.runs = new Runs(store, config.clock());
        this.queue = new RunQueue(store, config.clock());
    }

    /** Opens (and migrates) the embedded store of the config's data folder. */
    public static Deploy open(DeployConfig config) {
        return new Deploy(config, Store.embedded(config.dataDir()), true);
    }

    /** Over a store the caller owns (a shared PostgreSQL store, or a test's). */
    public static Deploy open(DeployConfig config, Store store) {
        return new Deploy(config, store, false);
    }

    public DeployConfig config() {
        return config;
    }

    public Store store() {
        return store;
    }

    public Environments environments() {
        return environments;
    }

    public Jobs jobs() {
        return jobs;
    }

    public Runs runs() {
        return runs;
    }

    public RunQueue queue() {
        return queue;
    }

    public Development development() {
        return new Development(this);
    }

    public Scheduler scheduler() {
        return new Scheduler(this);
    }

    /**
     * A worker for this process that runs what it claims on the caller's thread. It first ends the runs that dead
     * processes left running.
     */
    public Worker worker(String name) {
        queue.recover(config.lease());
        return new Worker(this, name);
    }

    /** A worker with {@code slots} background threads claiming runs until it is closed. */
    public Worker startWorker(String name, int slots) {
        return worker(name).startSlots(slots);
    }

    @Override
    public void close() {
        if (ownsStore) {
            store.close();
        }
    }
}
