package io.followup.job;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Job workers are virtual threads exactly where the JVM has them, and never more run at once than the pool allows. */
class JobThreadsTests {

    @Test
    void workersAreVirtualOnJava21AndLaterAndPlatformThreadsBefore() throws Exception {
        ExecutorService pool = JobThreads.pool(2);
        try {
            Set<String> kinds = ConcurrentHashMap.newKeySet();
            CountDownLatch ran = new CountDownLatch(1);
            pool.execute(() -> {
                kinds.add(Thread.currentThread().toString().startsWith("VirtualThread") ? "virtual" : "platform");
                ran.countDown();
            });
            assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();

            String expected = Runtime.version().feature() >= 21 ? "virtual" : "platform";
            assertThat(kinds).containsExactly(expected);
            assertThat(JobThreads.virtualAvailable()).isEqualTo(Runtime.version().feature() >= 21);
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void atMostTheConcurrencyRunsAtOnceTheRestQueueAndIdleWorkersRetire() throws Exception {
        ExecutorService pool = JobThreads.pool(3);
        try {
            AtomicInteger current = new AtomicInteger();
            AtomicInteger peak = new AtomicInteger();
            CountDownLatch go = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(10);
            for (int i = 0; i < 10; i++) {
                pool.execute(() -> {
                    peak.accumulateAndGet(current.incrementAndGet(), Math::max);
                    try {
                        go.await();
                    }
                    catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                    }
                    finally {
                        current.decrementAndGet();
                        done.countDown();
                    }
                });
            }
            Thread.sleep(100);
            assertThat(current.get()).isEqualTo(3);
            go.countDown();
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(peak.get()).isEqualTo(3);
            assertThat(((ThreadPoolExecutor) pool).allowsCoreThreadTimeOut()).as("an idle instance keeps no workers").isTrue();
        }
        finally {
            pool.shutdownNow();
        }
    }
}
