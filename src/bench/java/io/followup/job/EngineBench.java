package io.followup.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.followup.support.ScratchDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Engine figures with no-op jobs, measured side by side in one run on the same PostgreSQL (embedded
 * unless FOLLOWUP_TEST_JDBC_URL is set), each case in a scratch database: our drain with 1, 2 and 4
 * pollers against db-scheduler's lock-and-fetch mode with the same thread count, lateness under a
 * steady offered load, and claim cost with a small versus a huge backlog of not-yet-due jobs. Run
 * with {@code ./mvnw -Pbench verify}; nothing here asserts time. Sizes: {@code -Dbench.jobs}
 * (20000), {@code -Dbench.rate} (1000/s), {@code -Dbench.seconds} (20), {@code -Dbench.backlog}
 * (5000000). The table is printed and written to {@code target/bench/results.md}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EngineBench {

    private static final int JOBS = Integer.getInteger("bench.jobs", 20_000);
    private static final int RATE = Integer.getInteger("bench.rate", 1_000);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    private static final int BACKLOG = Integer.getInteger("bench.backlog", 5_000_000);
    private static final JobSettings DEFAULTS = TestJobSettings.defaults().build();
    private static final List<String> ROWS = Collections.synchronizedList(new ArrayList<>());
    private static double oursOnePoller;

    @Test
    @Order(1)
    void drainWithOneTwoAndFourPollers() throws Exception {
        for (int pollers : new int[] {1, 2, 4}) {
            double rate = drainOurs(pollers);
            if (pollers == 1) {
                oursOnePoller = rate;
            }
            row("Drain %,d due jobs, followup-service, %d poller(s) x %d threads".formatted(JOBS, pollers, DEFAULTS.concurrency()),
                    "%,.0f jobs/s".formatted(rate));
        }
    }

    @Test
    @Order(2)
    void drainWithDbSchedulerLockAndFetch() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create("bench", 40)) {
            JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
            jdbc.execute("""
                    CREATE TABLE scheduled_tasks (task_name text NOT NULL, task_instance text NOT NULL, task_data bytea,
                      execution_time timestamptz, picked boolean NOT NULL, picked_by text, last_success timestamptz,
                      last_failure timestamptz, consecutive_failures int, last_heartbeat timestamptz, version bigint NOT NULL,
                      priority smallint, state text, PRIMARY KEY (task_name, task_instance));
                    CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
                    CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
                    CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
                    """);
            jdbc.update("""
                    INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version)
                    SELECT 'noop', 'job-' || n, now() - interval '1 second', false, 1 FROM generate_series(1, ?) AS n
                    """, JOBS);
            AtomicInteger done = new AtomicInteger();
            OneTimeTask<Void> noop = Tasks.oneTime("noop").execute((instance, context) -> done.incrementAndGet());
            Scheduler scheduler = Scheduler.create(db.dataSource(), noop)
                    .threads(DEFAULTS.concurrency())
                    .pollingInterval(DEFAULTS.pollInterval())
                    .pollUsingLockAndFetch(0.5, 1.0)
                    .build();
            long start = System.nanoTime();
            scheduler.start();
            while (done.get() < JOBS || count(jdbc, "SELECT count(*) FROM scheduled_tasks") > 0) {
                Thread.sleep(5);
            }
            double rate = JOBS / ((System.nanoTime() - start) / 1e9);
            scheduler.stop();
            row("Drain %,d due jobs, db-scheduler 16.12 lock-and-fetch, 1 scheduler x %d threads".formatted(JOBS, DEFAULTS.concurrency()),
                    "%,.0f jobs/s".formatted(rate));
            row("Ratio followup-service / db-scheduler (1 poller each, same threads)", "**%.2fx**".formatted(oursOnePoller / rate));
        }
    }

    @Test
    @Order(3)
    void latenessUnderSteadyLoad() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create("bench", 20)) {
            JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
            List<Long> lateMillis = Collections.synchronizedList(new ArrayList<>());
            JobPoller poller = poller(jdbc, job -> lateMillis.add(Duration.between(job.runAt(), Instant.now()).toMillis()));
            Thread pollLoop = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    poller.poll();
                    try {
                        Thread.sleep(DEFAULTS.pollInterval().toMillis());
                    }
                    catch (InterruptedException ex) {
                        return;
                    }
                }
            });
            pollLoop.start();
            int total = RATE * SECONDS;
            long start = System.nanoTime();
            for (int tick = 0; tick < SECONDS * 10; tick++) {
                Instant now = Instant.now();
                insert(jdbc, RATE / 10, () -> now.plusMillis(ThreadLocalRandom.current().nextInt(0, 5_000)));
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
            row("Lateness, %,d/s offered for %d s, due 0-5 s ahead, poll interval %d ms: p50 / p99 / max".formatted(
                    RATE, SECONDS, DEFAULTS.pollInterval().toMillis()),
                    "%d / %d / %d ms".formatted(percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.get(sorted.size() - 1)));
        }
    }

    @Test
    @Order(4)
    void claimCostWithSmallAndHugeBacklog() throws Exception {
        double small = claimMillis(10_000);
        double huge = claimMillis(BACKLOG);
        row("Claim 200 due jobs beside 10,000 not-yet-due pending (median of 30)", "%.2f ms".formatted(small));
        row("Claim 200 due jobs beside %,d not-yet-due pending (median of 30)".formatted(BACKLOG), "%.2f ms".formatted(huge));
        row("Backlog ratio (%,d vs 10,000)".formatted(BACKLOG), "**%.2f**".formatted(huge / small));
    }

    @AfterAll
    static void writeTable() throws IOException {
        StringBuilder table = new StringBuilder("| measurement | result |\n| --- | --- |\n");
        ROWS.forEach(row -> table.append(row).append('\n'));
        table.append("\n").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append(", ").append(Instant.now()).append('\n');
        System.out.println(table);
        Path file = Path.of("target", "bench", "results.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, table);
    }

    private static double drainOurs(int pollerCount) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create("bench", 20 * pollerCount)) {
            JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
            Instant due = Instant.now().minusSeconds(1);
            insert(jdbc, JOBS, () -> due);
            AtomicInteger done = new AtomicInteger();
            List<JobPoller> pollers = new ArrayList<>();
            for (int i = 0; i < pollerCount; i++) {
                pollers.add(poller(jdbc, job -> done.incrementAndGet()));
            }
            List<Thread> loops = new ArrayList<>();
            long start = System.nanoTime();
            for (JobPoller poller : pollers) {
                Thread loop = new Thread(() -> {
                    while (done.get() < JOBS) {
                        poller.poll();
                    }
                });
                loop.start();
                loops.add(loop);
            }
            for (Thread loop : loops) {
                loop.join();
            }
            while (count(jdbc, "SELECT count(*) FROM job WHERE status <> 'succeeded'") > 0) {
                Thread.sleep(1);
            }
            double rate = JOBS / ((System.nanoTime() - start) / 1e9);
            pollers.forEach(JobPoller::stop);
            return rate;
        }
    }

    private static double claimMillis(int backlog) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create("bench", 4)) {
            JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
            jdbc.update("""
                    INSERT INTO job (kind, payload, run_at, max_attempts, created_at)
                    SELECT 'bench.noop', '{}'::jsonb, now() + interval '1 day' + n * interval '1 millisecond', 1, now()
                    FROM generate_series(1, ?) AS n
                    """, backlog);
            jdbc.execute("ANALYZE job");
            JobStore store = new JobStore(jdbc);
            List<Double> times = new ArrayList<>();
            for (int round = 0; round < 35; round++) {
                Instant due = Instant.now().minusSeconds(1);
                insert(jdbc, 200, () -> due);
                Instant now = Instant.now();
                long start = System.nanoTime();
                int claimed = store.claim("bench", now, now.plusSeconds(60), 200).size();
                double millis = (System.nanoTime() - start) / 1e6;
                if (claimed != 200) {
                    throw new IllegalStateException("claimed " + claimed);
                }
                jdbc.update("UPDATE job SET status = 'succeeded', finished_at = now() WHERE status = 'running'");
                if (round >= 5) {
                    times.add(millis);
                }
            }
            Collections.sort(times);
            return times.get(times.size() / 2);
        }
    }

    private static JobPoller poller(JdbcTemplate jdbc, java.util.function.Consumer<ClaimedJob> body) {
        JobHandler handler = new JobHandler() {
            @Override
            public String kind() {
                return "bench.noop";
            }

            @Override
            public void handle(ClaimedJob job) {
                body.accept(job);
            }
        };
        JobPoller poller = new JobPoller(new JobStore(jdbc), DEFAULTS, new JobMetrics(new SimpleMeterRegistry()),
                Clock.systemUTC(), List.of(handler));
        poller.start();
        return poller;
    }

    private static void insert(JdbcTemplate jdbc, int count, java.util.function.Supplier<Instant> due) {
        List<Object[]> rows = new ArrayList<>(count);
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            rows.add(new Object[] {JobStore.ts(due.get()), JobStore.ts(now)});
        }
        for (int from = 0; from < rows.size(); from += 1_000) {
            jdbc.batchUpdate("INSERT INTO job (kind, payload, run_at, max_attempts, created_at) VALUES ('bench.noop', '{}'::jsonb, ?, 1, ?)",
                    rows.subList(from, Math.min(rows.size(), from + 1_000)));
        }
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        Long count = jdbc.queryForObject(sql, Long.class);
        return count == null ? 0 : count;
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    private static void row(String measurement, String result) {
        System.out.println(measurement + ": " + result);
        ROWS.add("| " + measurement + " | " + result + " |");
    }
}
