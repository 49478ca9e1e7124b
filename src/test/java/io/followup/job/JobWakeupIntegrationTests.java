package io.followup.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.followup.support.Eventually;
import io.followup.support.ScratchDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The poll loop wakes early: for a job enqueued due now (in-process signal, and NOTIFY for other
 * instances), and for a pending job due before the next regular poll. Every instance here polls only
 * every 30 s, so a job that starts within seconds was started by a wake-up, not by the poll.
 */
class JobWakeupIntegrationTests {

    private static final Duration RARE_POLLS = Duration.ofSeconds(30);
    private static final Duration SOON = Duration.ofSeconds(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ScratchDatabase database;
    private static JdbcTemplate jdbc;
    private static TransactionTemplate transaction;

    private final Clock clock = Clock.systemUTC();
    private final Map<Long, Instant> started = new ConcurrentHashMap<>();
    private final List<Runnable> stops = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void createDatabase() {
        database = ScratchDatabase.create("wakeup", 10);
        jdbc = new JdbcTemplate(database.dataSource());
        transaction = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
    }

    @AfterAll
    static void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void emptyJobTable() {
        jdbc.update("TRUNCATE job");
    }

    @AfterEach
    void stopInstances() {
        stops.forEach(Runnable::run);
    }

    @Test
    void aJobEnqueuedDueNowStartsAtOnceWhenItsTransactionCommitsNotAtTheNextPoll() {
        JobSettings settings = TestJobSettings.defaults().with("poll-interval", RARE_POLLS).with("listen-notify", false).build();
        JobWakeups wakeups = startInstance(settings);
        JobQueue queue = new JobQueue(jdbc, JSON, settings, clock, wakeups);
        awaitIdle(queue);

        long rolledBack = transaction.execute(status -> {
            long id = enqueueNow(queue);
            status.setRollbackOnly();
            return id;
        });
        long committed = transaction.execute(status -> enqueueNow(queue));

        Eventually.until("the committed job started", SOON, () -> started.containsKey(committed), () -> {
        });
        Eventually.until("both committed jobs recorded as succeeded", SOON, () -> count("status = 'succeeded'") == 2, () -> {
        });
        assertThat(started).doesNotContainKey(rolledBack);
        assertThat(count("1 = 1")).as("the rolled-back job was never written").isEqualTo(2);
    }

    @Test
    void aJobEnqueuedOnAnotherInstanceWakesThisOneThroughNotifyAndOnlyThroughIt() throws Exception {
        JobSettings listening = TestJobSettings.defaults().with("poll-interval", RARE_POLLS).build();
        JobQueue local = new JobQueue(jdbc, JSON, listening, clock, startInstance(listening));
        awaitIdle(local);
        JobSettings silent = TestJobSettings.defaults().with("poll-interval", RARE_POLLS).with("listen-notify", false).build();
        JobQueue otherWithoutNotify = new JobQueue(jdbc, JSON, silent, clock, new JobWakeups(clock));
        JobQueue otherWithNotify = new JobQueue(jdbc, JSON, listening, clock, new JobWakeups(clock));

        long unannounced = transaction.execute(status -> enqueueNow(otherWithoutNotify));
        Thread.sleep(2_000);
        assertThat(started).as("nothing told this instance about the job").doesNotContainKey(unannounced);

        long announced = transaction.execute(status -> enqueueNow(otherWithNotify));
        Eventually.until("both jobs started after the notification", SOON,
                () -> started.containsKey(announced) && started.containsKey(unannounced), () -> {
                });
    }

    @Test
    void aPendingJobDueBeforeTheNextPollStartsAtItsDueTimeWithoutAnySignal() {
        Instant due = clock.instant().plusMillis(1_500);
        long id = jdbc.queryForObject("""
                INSERT INTO job (kind, payload, run_at, max_attempts, created_at) VALUES ('noop', '{}', ?, 1, now()) RETURNING id
                """, Long.class, JobStore.ts(due));
        startInstance(TestJobSettings.defaults().with("poll-interval", RARE_POLLS).with("listen-notify", false).build());

        Eventually.until("the job started", SOON, () -> started.containsKey(id), () -> {
        });
        assertThat(started.get(id)).isAfterOrEqualTo(due).isBefore(due.plusSeconds(2));
    }

    /** Starts a poller, its loop and its listener, as the service does; returns the loop's wake-ups. */
    private JobWakeups startInstance(JobSettings settings) {
        JobStore store = new JobStore(jdbc);
        JobHandler noop = new JobHandler() {
            @Override
            public String kind() {
                return "noop";
            }

            @Override
            public void handle(ClaimedJob job) {
                started.put(job.id(), clock.instant());
            }
        };
        JobDispatcher poller = new JobDispatcher(store, settings, new JobMetrics(new SimpleMeterRegistry()), clock, List.of(noop));
        JobWakeups wakeups = new JobWakeups(clock);
        ClaimTimer loop = new ClaimTimer(poller, store, wakeups, settings, clock);
        JobNotifications notifications = new JobNotifications(database.dataSource(), wakeups, settings);
        poller.start();
        notifications.start();
        // As the scheduler runs it: again and again, 10 ms apart.
        Thread scheduler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                loop.pollThenSleep();
                try {
                    Thread.sleep(10);
                }
                catch (InterruptedException ex) {
                    return;
                }
            }
        });
        scheduler.start();
        stops.add(() -> {
            notifications.stop();
            scheduler.interrupt();
            poller.stop();
        });
        return wakeups;
    }

    /** Waits until a first job has run: the loop has polled and now sleeps until its next poll. */
    private void awaitIdle(JobQueue queue) {
        long first = enqueueNow(queue);
        Eventually.until("the first poll ran a job", SOON, () -> started.containsKey(first), () -> {
        });
        try {
            // Lets a wake-up the first job caused itself pass, so the loop is asleep until its next poll.
            Thread.sleep(300);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private long enqueueNow(JobQueue queue) {
        return queue.enqueue("noop", Map.of(), clock.instant(), null).orElseThrow();
    }

    private static long count(String where) {
        return jdbc.queryForObject("SELECT count(*) FROM job WHERE " + where, Long.class);
    }
}
