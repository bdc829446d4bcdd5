package dev.sluice.core.parallel;

/** Small helpers for the few threads Sluice starts itself. */
public final class Threads {
    private Threads() {
    }

    /**
     * Waits for {@code thread} to end even if this thread is interrupted meanwhile (the work it waits for must not be
     * cut short), then restores the interrupt.
     */
    public static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
