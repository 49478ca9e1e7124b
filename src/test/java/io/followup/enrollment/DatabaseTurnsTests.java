package io.followup.enrollment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Step jobs use the database at most as many at a time as the pool has connections for them. */
class DatabaseTurnsTests {

    @Test
    void atMostThePermitsRunAtOnceAndEveryoneGetsATurn() throws Exception {
        DatabaseTurns turns = new DatabaseTurns(3);
        AtomicInteger current = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                results.add(pool.submit(() -> turns.call(() -> {
                    peak.accumulateAndGet(current.incrementAndGet(), Math::max);
                    try {
                        go.await(10, TimeUnit.SECONDS);
                    }
                    catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                    }
                    current.decrementAndGet();
                    return n;
                })));
            }
            Thread.sleep(100);
            assertThat(current.get()).isEqualTo(3);
            go.countDown();
            for (int i = 0; i < 20; i++) {
                assertThat(results.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i);
            }
            assertThat(peak.get()).isEqualTo(3);
            assertThat(turns.permits()).as("every turn given back").isEqualTo(3);
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aHikariPoolLeavesTwoConnectionsToTheEngine() {
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setMaximumPoolSize(10);
            assertThat(new DatabaseTurns(pool).permits()).isEqualTo(10 - DatabaseTurns.ENGINE_SHARE);
        }
    }
}
