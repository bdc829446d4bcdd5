package dev.sluice.core.parallel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MemoTest {
    @Test
    void computesOnceOnFirstUseWhicheverThreadAsks() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        Memo<String> memo = Memo.of(() -> "value " + calls.incrementAndGet());
        assertThat(calls).hasValue(0);
        CountDownLatch start = new CountDownLatch(1);
        Thread[] threads = new Thread[4];
        String[] seen = new String[threads.length];
        for (int i = 0; i < threads.length; i++) {
            int at = i;
            threads[i] = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                seen[at] = memo.get();
            });
            threads[i].start();
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(seen).containsOnly("value 1");
        assertThat(memo.get()).isEqualTo("value 1");
        assertThat(calls).hasValue(1);
        assertThat(Memo.of(memo)).isSameAs(memo);
    }
}
