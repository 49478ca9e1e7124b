package io.followup.job;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.followup.support.MutableClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the job engine tests share: the engine against real PostgreSQL, without a Spring context, with
 * pollers, store, queue and retention built by hand on the {@link JobEngineExtension}'s database. Pollers
 * are driven by calling {@link EnginePoller#poll()} and {@link EnginePoller#checkLeases()} from the test,
 * with a {@link MutableClock} wherever time matters.
 */
abstract class JobEngineFixture {

    static final Instant T0 = Instant.parse("2030-01-07T09:00:00Z");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @RegisterExtension
    final JobEngineExtension engine = new JobEngineExtension();

    JdbcTemplate jdbc;

    @BeforeEach
    void useTheEngineDatabase() {
        jdbc = engine.jdbc();
    }

    EnginePoller startPoller(JobSettings settings, Clock clock, MeterRegistry registry, JobHandler... handlers) {
        return startPoller(new JobStore(jdbc), settings, clock, registry, handlers);
    }

    EnginePoller startPoller(JobStore store, JobSettings settings, Clock clock, MeterRegistry registry, JobHandler... handlers) {
        return engine.startPoller(store, settings, clock, registry, handlers);
    }

    JobQueue queue(JobSettings settings, Clock clock) {
        return new JobQueue(jdbc, JSON, settings, clock, new JobWakeups(clock));
    }

    static List<Long> enqueueDue(JobQueue queue, String kind, int count, Instant runAt) {
        return IntStream.range(0, count)
                .mapToObj(i -> queue.enqueue(kind, Map.of("n", i), runAt, null).orElseThrow())
                .toList();
    }

    CountDownLatch gate() {
        return engine.gate();
    }

    static void awaitIgnoringInterrupts(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            }
            catch (InterruptedException ex) {
                interrupted = true;
            }
        }
        if (interrupted) {
            // Returns normally, as a handler that does not notice interruption would.
            Thread.interrupted();
        }
    }

    static void joinAll(Set<Thread> threads) throws InterruptedException {
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(thread.isAlive()).as("worker %s finished", thread.getName()).isFalse();
        }
    }

    long insert(String status, Instant finishedAt) {
        Instant longAgo = T0.minus(Duration.ofDays(60));
        return jdbc.queryForObject("""
                INSERT INTO job (kind, payload, run_at, status, attempts, max_attempts, created_at, lease_owner, lease_expires_at, finished_at)
                VALUES ('work', '{}'::jsonb, ?, ?, ?, 3, ?, ?, ?, ?) RETURNING id
                """, Long.class, JobStore.ts(longAgo), status, "pending".equals(status) ? 0 : 1, JobStore.ts(longAgo),
                "running".equals(status) ? "some-host/1" : null,
                "running".equals(status) ? JobStore.ts(T0.plusSeconds(60)) : null,
                finishedAt == null ? null : JobStore.ts(finishedAt));
    }

    long countWhere(String condition) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM job WHERE " + condition, Long.class);
        return count == null ? 0 : count;
    }

    boolean statusAndAttempts(long id, String status, int attempts) {
        JobRow row = row(id);
        return row.status().equals(status) && row.attempts() == attempts;
    }

    static double count(MeterRegistry registry, String name, String kind) {
        Counter counter = registry.find(name).tag("kind", kind).counter();
        return counter == null ? 0 : counter.count();
    }

    JobRow row(long id) {
        return jdbc.queryForObject("SELECT * FROM job WHERE id = ?", this::jobRow, id);
    }

    List<JobRow> rows(List<Long> ids) {
        return jdbc.query("SELECT * FROM job WHERE id = ANY (?) ORDER BY id", this::jobRow,
                (Object) ids.toArray(Long[]::new));
    }

    JobRow jobRow(ResultSet rs, int rowNum) throws SQLException {
        return new JobRow(rs.getLong("id"), rs.getString("kind"), rs.getString("status"), rs.getInt("attempts"),
                rs.getString("lease_owner"), instant(rs, "lease_expires_at"), instant(rs, "run_at"), rs.getString("last_error"),
                instant(rs, "started_at"), instant(rs, "finished_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    record JobRow(long id, String kind, String status, int attempts, String leaseOwner, Instant leaseExpiresAt,
            Instant runAt, String lastError, Instant startedAt, Instant finishedAt) {
    }

    record Failure(long id, String error) {
    }

    @FunctionalInterface
    interface Body {
        void run(ClaimedJob job) throws Exception;
    }

    /** Counts the runs of each job, then does {@code body}; records each {@code onFailed}. */
    static final class TestHandler implements JobHandler {

        final String kind;
        final ConcurrentHashMap<Long, AtomicInteger> runs;
        final Body body;
        final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();

        TestHandler(String kind) {
            this(kind, job -> {
            });
        }

        TestHandler(String kind, Body body) {
            this(kind, new ConcurrentHashMap<>(), body);
        }

        TestHandler(String kind, ConcurrentHashMap<Long, AtomicInteger> runs, Body body) {
            this.kind = kind;
            this.runs = runs;
            this.body = body;
        }

        @Override
        public String kind() {
            return kind;
        }

        @Override
        public void handle(ClaimedJob job) throws Exception {
            runs.computeIfAbsent(job.id(), id -> new AtomicInteger()).incrementAndGet();
            body.run(job);
        }

        @Override
        public void onFailed(ClaimedJob job, String error) {
            failures.add(new Failure(job.id(), error));
        }

        int runs(long id) {
            AtomicInteger count = runs.get(id);
            return count == null ? 0 : count.get();
        }

        int totalRuns() {
            return runs.values().stream().mapToInt(AtomicInteger::get).sum();
        }
    }
}
