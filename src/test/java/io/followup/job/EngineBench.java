package io.followup.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.followup.support.ScratchDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Engine figures with a no-op handler, on the same PostgreSQL the tests use: drain throughput of one
 * poller at the default settings, and lateness (start minus due time) under a steady offered load.
 * Run with {@code ./mvnw -Pbench verify}; it is not part of {@code ./mvnw verify} and asserts nothing
 * about time. Sizes: {@code -Dbench.jobs} (default 20000), {@code -Dbench.rate} jobs/s (1000) and
 * {@code -Dbench.seconds} (20). Results are printed and appended to {@code target/bench/results.md}.
 */
class EngineBench {

    private static final int JOBS = Integer.getInteger("bench.jobs", 20_000);
    private static final int RATE = Integer.getInteger("bench.rate", 1_000);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);

    @Test
    void drainThroughputOfOnePoller() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create("bench", 20)) {
            JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
            Instant due = Instant.now().minusSeconds(1);
            insert(jdbc, JOBS, i -> due);
            AtomicInteger done = new AtomicInteger();
            JobPoller poller = poller(jdbc, job -> done.incrementAndGet());
            long start = System.nanoTime();
            while (done.get() < JOBS) {
                poller.poll();
                Thread.sleep(1);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            poller.stop();
            report("Drain: %,d due no-op jobs, 1 poller (batch %d, concurrency %d): %.1f s = **%,.0f jobs/s**".formatted(
                    JOBS, TestJobSettings.defaults().build().batchSize(), TestJobSettings.defaults().build().concurrency(),
                    seconds, JOBS / seconds));
        }
    }

    @Test
    void latenessUnderSteadyLoad() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create("bench", 20)) {
            JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
            List<Long> lateMillis = Collections.synchronizedList(new ArrayList<>());
            JobPoller poller = poller(jdbc, job -> lateMillis.add(Duration.between(job.runAt(), Instant.now()).toMillis()));
            Thread pollLoop = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    poller.poll();
                    try {
                        Thread.sleep(TestJobSettings.defaults().build().pollInterval().toMillis());
                    }
                    catch (InterruptedException ex) {
                        return;
                    }
                }
            });
            pollLoop.start();
            int total = RATE * SECONDS;
            int perTick = RATE / 10;
            long start = System.nanoTime();
            for (int tick = 0; tick < SECONDS * 10; tick++) {
                Instant now = Instant.now();
                insert(jdbc, perTick, i -> now.plusMillis(ThreadLocalRandom.current().nextInt(0, 5_000)));
                long next = start + (tick + 1) * 100_000_000L;
                Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
            }
            while (lateMillis.size() < total) {
                Thread.sleep(50);
            }
            pollLoop.interrupt();
            pollLoop.join();
            poller.stop();
            List<Long> sorted = new ArrayList<>(lateMillis);
            Collections.sort(sorted);
            report("Lateness: %,d no-op jobs offered at %,d/s for %d s, due 0-5 s after offer, poll interval %s: p50 **%d ms**, p99 **%d ms**, max %d ms"
                    .formatted(total, RATE, SECONDS, TestJobSettings.defaults().build().pollInterval(),
                            percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.get(sorted.size() - 1)));
        }
    }

    private static JobPoller poller(JdbcTemplate jdbc, JobHandlerBody body) {
        JobHandler handler = new JobHandler() {
            @Override
            public String kind() {
                return "bench.noop";
            }

            @Override
            public void handle(ClaimedJob job) {
                body.run(job);
            }
        };
        JobPoller poller = new JobPoller(new JobStore(jdbc), TestJobSettings.defaults().build(),
                new JobMetrics(new SimpleMeterRegistry()), Clock.systemUTC(), List.of(handler));
        poller.start();
        return poller;
    }

    private interface JobHandlerBody {
        void run(ClaimedJob job);
    }

    private interface DueTime {
        Instant at(int index);
    }

    private static void insert(JdbcTemplate jdbc, int count, DueTime due) {
        List<Object[]> rows = new ArrayList<>(count);
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            rows.add(new Object[] {JobStore.ts(due.at(i)), JobStore.ts(now)});
        }
        for (int from = 0; from < rows.size(); from += 1_000) {
            jdbc.batchUpdate("INSERT INTO job (kind, payload, run_at, max_attempts, created_at) VALUES ('bench.noop', '{}'::jsonb, ?, 1, ?)",
                    rows.subList(from, Math.min(rows.size(), from + 1_000)));
        }
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    private static void report(String line) throws IOException {
        System.out.println(line);
        Path file = Path.of("target", "bench", "results.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "- " + line + " (" + Instant.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ")\n".toLowerCase(Locale.ROOT), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
