package dev.sluice.core.parallel;

/** Small helpers for the few threads Sluice starts itself. */
public final class Threads {
    private Threads() {
    }

    /**
     * The value of {@code future}; a failure is rethrown as the exception the work threw (a RuntimeException or an
     * Error), as if the work had run on this thread.
     */
    public static <T> T join(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error failure) {
                throw failure;
            }
            throw e;
        }
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
