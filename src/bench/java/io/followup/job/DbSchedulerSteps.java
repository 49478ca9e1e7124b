package io.followup.job;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.followup.support.ScratchDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The thread-bound baseline: db-scheduler 16.12 (lock-and-fetch) running one blocking POST to the same stub per
 * job, with a given number of threads, on the same PostgreSQL server. It does less than a step job (no enrollment
 * read or write, no signature), so its CPU per job is a floor, not a like-for-like cost.
 */
final class DbSchedulerSteps {

    private DbSchedulerSteps() {
    }

    /** @param failed calls that failed (counted, not retried) */
    record Result(double rate, String cpu, int failed) {
    }

    static Result run(int port, int jobs, int threads, Duration timeout) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create("dbsched", 20)) {
            JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
            dueTasks(jdbc, "send", jobs);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            URI target = URI.create("http://127.0.0.1:" + port + StubAssistant.PATH);
            AtomicInteger done = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            OneTimeTask<Void> send = Tasks.oneTime("send").execute((instance, context) -> {
                String body = "{\"enrollment_id\":\"" + instance.getId() + "\",\"step_number\":1,\"prompt\":\"Say hello\"}";
                HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json").header("X-Followup-Signature", "sha256=bench")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
                try {
                    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    (response.statusCode() == 200 ? done : failed).incrementAndGet();
                }
                catch (java.io.IOException ex) {
                    failed.incrementAndGet();
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    failed.incrementAndGet();
                }
            });
            Scheduler scheduler = Scheduler.create(db.dataSource(), send)
                    .threads(threads)
                    .pollingInterval(Duration.ofSeconds(1))
                    .pollUsingLockAndFetch(0.5, 1.0)
                    .build();
            CpuMeter cpu = CpuMeter.of(jdbc).start();
            long start = System.nanoTime();
            long deadline = start + timeout.toNanos();
            scheduler.start();
            try {
                while ((done.get() + failed.get() < jobs || remaining(jdbc) > 0) && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                double rate = done.get() / ((System.nanoTime() - start) / 1e9);
                return new Result(rate, cpu.perJob(Math.max(1, done.get())), failed.get());
            }
            finally {
                scheduler.stop();
            }
        }
    }

    /** db-scheduler's table (its PostgreSQL schema) holding {@code count} instances of {@code task}, all due now. */
    static void dueTasks(JdbcTemplate jdbc, String task, int count) {
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
                SELECT ?, 'job-' || n, now() - interval '1 second', false, 1 FROM generate_series(1, ?) AS n
                """, task, count);
    }

    private static long remaining(JdbcTemplate jdbc) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks", Long.class);
        return count == null ? 0 : count;
    }
}
