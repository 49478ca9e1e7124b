package io.followup.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.followup.support.ScratchDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Engine figures with no-op jobs, measured side by side in one run on the same PostgreSQL (embedded
 * unless FOLLOWUP_TEST_JDBC_URL is set), each case in a scratch database: our drain with 1, 2 and 4
 * engines (each in its own application context with its own connection pool, as separate instances)
 * against db-scheduler's lock-and-fetch mode with the same thread count, lateness under a steady
 * offered load, the early wake-up for jobs enqueued due now, and claim cost with a small versus a
 * huge backlog of not-yet-due jobs. Run with {@code ./mvnw -Pbench verify}; nothing here asserts
 * time. Sizes: {@code -Dbench.jobs} (100000), {@code -Dbench.engines} (1,2,4), {@code -Dbench.rate} (1000/s), {@code -Dbench.seconds}
 * (60), {@code -Dbench.backlog} (5000000). The table is printed and written to
 * {@code target/bench/results.md}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EngineBench {

    private static final int JOBS = Integer.getInteger("bench.jobs", 100_000);
    private static final int RATE = Integer.getInteger("bench.rate", 1_000);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 60);
    private static final int BACKLOG = Integer.getInteger("bench.backlog", 5_000_000);
    /**
     * The defaults, but 16 workers: no-op jobs measure the claim path, which a worker count sized for sends in flight
     * (1024) only blurs, and db-scheduler runs with the same 16 threads.
     */
    private static final JobSettings DEFAULTS = TestJobSettings.defaults().with("concurrency", 16).build();
    private static final List<String> ROWS = Collections.synchronizedList(new ArrayList<>());
    private static double oursOneEngine;

    @Test
    @Order(1)
    void drainWithOneTwoAndFourEngines() throws Exception {
        for (String count : System.getProperty("bench.engines", "1,2,4").split(",")) {
            int engines = Integer.parseInt(count.trim());
            Drain drain = drainOurs(engines);
            if (engines == 1) {
                oursOneEngine = drain.rate();
            }
            row("Drain %,d due jobs, followup-service, %d instance(s) x %d threads".formatted(JOBS, engines, DEFAULTS.concurrency()),
                    "%,.0f jobs/s; CPU per job %s".formatted(drain.rate(), drain.cpu()));
        }
    }

    @Test
    @Order(2)
    void drainWithDbSchedulerLockAndFetch() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create("bench", DEFAULTS.concurrency() + 4)) {
            JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
            DbSchedulerSteps.dueTasks(jdbc, "noop", JOBS);
            jdbc.execute("ANALYZE scheduled_tasks");
            AtomicInteger done = new AtomicInteger();
            OneTimeTask<Void> noop = Tasks.oneTime("noop").execute((instance, context) -> done.incrementAndGet());
            Scheduler scheduler = Scheduler.create(db.dataSource(), noop)
                    .threads(DEFAULTS.concurrency())
                    .pollingInterval(DEFAULTS.pollInterval())
                    .pollUsingLockAndFetch(0.5, 1.0)
                    .build();
            CpuMeter cpu = CpuMeter.of(jdbc).start();
            long start = System.nanoTime();
            scheduler.start();
            awaitCount(done, JOBS);
            while (count(jdbc, "SELECT count(*) FROM scheduled_tasks") > 0) {
                Thread.sleep(5);
            }
            double rate = JOBS / ((System.nanoTime() - start) / 1e9);
            String perJob = cpu.perJob(JOBS);
            scheduler.stop();
            row("Drain %,d due jobs, db-scheduler 16.12 lock-and-fetch, 1 scheduler x %d threads".formatted(JOBS, DEFAULTS.concurrency()),
                    "%,.0f jobs/s; CPU per job %s".formatted(rate, perJob));
            row("Ratio followup-service / db-scheduler (1 instance each, same threads)", "**%.2fx**".formatted(oursOneEngine / rate));
        }
    }

    @Test
    @Order(3)
    void latenessUnderSteadyLoad() throws Exception {
        List<Long> late = measureLateness(RATE, SECONDS, () -> Duration.ofMillis(ThreadLocalRandom.current().nextLong(SECONDS * 1_000L)));
        row("Lateness, %,d jobs/s offered for %d s, due 0-%d s ahead, poll interval %d ms: p50 / p99 / max".formatted(
                RATE, SECONDS, SECONDS, DEFAULTS.pollInterval().toMillis()), percentiles(late));
    }

    @Test
    @Order(4)
    void latenessOfJobsEnqueuedDueNow() throws Exception {
        List<Long> late = measureLateness(20, 10, () -> Duration.ZERO);
        row("Lateness, jobs enqueued due now (20/s for 10 s), poll interval %d ms: p50 / p99 / max".formatted(
                DEFAULTS.pollInterval().toMillis()), percentiles(late));
    }

    @Test
    @Order(5)
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

    private record Drain(double rate, String cpu) {
    }

    private static Drain drainOurs(int engineCount) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create("bench", 4)) {
            JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
            jdbc.update("""
                    INSERT INTO job (kind, payload, run_at, max_attempts, created_at)
                    SELECT 'bench.noop', '{}'::jsonb, now() - interval '1 second', 1, now() FROM generate_series(1, ?)
                    """, JOBS);
            jdbc.execute("ANALYZE job");
            AtomicInteger done = new AtomicInteger();
            List<EngineInstance> engines = new ArrayList<>();
            CpuMeter cpu = CpuMeter.of(jdbc).start();
            long start = System.nanoTime();
            try {
                for (int i = 0; i < engineCount; i++) {
                    engines.add(EngineInstance.start(db, "engine-" + i, DEFAULTS, handler(job -> done.incrementAndGet())));
                }
                awaitCount(done, JOBS);
                while (count(jdbc, "SELECT count(*) FROM job WHERE status <> 'succeeded'") > 0) {
                    Thread.sleep(5);
                }
                return new Drain(JOBS / ((System.nanoTime() - start) / 1e9), cpu.perJob(JOBS));
            }
            finally {
                engines.forEach(EngineInstance::close);
            }
        }
    }

    /** Offers {@code rate} jobs a second for {@code seconds} through the queue, due {@code ahead} later; returns each job's lateness. */
    private static List<Long> measureLateness(int rate, int seconds, java.util.function.Supplier<Duration> ahead) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create("bench", 4)) {
            List<Long> lateMillis = Collections.synchronizedList(new ArrayList<>());
            int ticksPerSecond = Math.min(rate, 10);
            int perTick = rate / ticksPerSecond;
            try (EngineInstance engine = EngineInstance.start(db, "engine", DEFAULTS,
                    handler(job -> lateMillis.add(Duration.between(job.runAt(), Instant.now()).toMillis())))) {
                JobQueue queue = engine.queue();
                long start = System.nanoTime();
                for (int tick = 0; tick < seconds * ticksPerSecond; tick++) {
                    engine.inTransaction(() -> {
                        for (int i = 0; i < perTick; i++) {
                            queue.enqueue("bench.noop", Map.of(), Instant.now().plus(ahead.get()), null);
                        }
                    });
                    long next = start + (tick + 1) * (1_000_000_000L / ticksPerSecond);
                    Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
                }
                while (lateMillis.size() < perTick * ticksPerSecond * seconds) {
                    Thread.sleep(50);
                }
            }
            List<Long> sorted = new ArrayList<>(lateMillis);
            Collections.sort(sorted);
            return sorted;
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
                jdbc.update("""
                        INSERT INTO job (kind, payload, run_at, max_attempts, created_at)
                        SELECT 'bench.noop', '{}'::jsonb, now() - interval '1 second', 1, now() FROM generate_series(1, 200)
                        """);
                Instant now = Instant.now();
                long start = System.nanoTime();
                int claimed = store.claim("bench", now, now.plusSeconds(60), 200).size();
                double millis = (System.nanoTime() - start) / 1e6;
                if (claimed != 200) {
                    throw new IllegalStateException("claimed " + claimed);
                }
                jdbc.update("UPDATE job SET status = 'succeeded', finished_at = now(), lease_owner = NULL, lease_expires_at = NULL WHERE status = 'running'");
                if (round >= 5) {
                    times.add(millis);
                }
            }
            Collections.sort(times);
            return times.get(times.size() / 2);
        }
    }

    private static JobHandler handler(Consumer<ClaimedJob> body) {
        return new JobHandler() {
            @Override
            public String kind() {
                return "bench.noop";
            }

            @Override
            public void handle(ClaimedJob job) {
                body.accept(job);
            }
        };
    }

    private static void awaitCount(AtomicInteger done, int target) throws InterruptedException {
        while (done.get() < target) {
            Thread.sleep(2);
        }
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        Long count = jdbc.queryForObject(sql, Long.class);
        return count == null ? 0 : count;
    }

    private static String percentiles(List<Long> sorted) {
        return "%d / %d / %d ms".formatted(percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.get(sorted.size() - 1));
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    private static void row(String measurement, String result) {
        System.out.println(measurement + ": " + result);
        ROWS.add("| " + measurement + " | " + result + " |");
    }
}
