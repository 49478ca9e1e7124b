package io.followup.job;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Enqueues and cancels jobs. It writes through the caller's transaction, so a job exists exactly
 * when the domain change that asked for it committed.
 */
@Component
public class JobQueue {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final JobSettings settings;
    private final Clock clock;
    private final JobWakeups wakeups;

    JobQueue(JdbcTemplate jdbc, JsonMapper json, JobSettings settings, Clock clock, JobWakeups wakeups) {
        this.jdbc = jdbc;
        this.json = json;
        this.settings = settings;
        this.clock = clock;
        this.wakeups = wakeups;
    }

    /**
     * Adds a job. One due before the next poll wakes the pollers when the transaction commits, so it
     * starts about on time rather than up to a poll interval late.
     *
     * @param payload serialized to JSON
     * @param dedupeKey when not null, a second job with this key is not created
     * @return the new job's ID, or empty if the dedupe key was taken
     */
    public Optional<Long> enqueue(String kind, Object payload, Instant runAt, String dedupeKey) {
        Instant now = clock.instant();
        Long id = jdbc.query("""
                INSERT INTO job (kind, payload, run_at, max_attempts, dedupe_key, created_at)
                VALUES (?, ?::jsonb, ?, ?, ?, ?)
                ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
                RETURNING id
                """, rs -> rs.next() ? rs.getLong(1) : null,
                kind, json.writeValueAsString(payload), JobStore.ts(runAt), settings.maxAttempts(), dedupeKey,
                JobStore.ts(now));
        if (id != null && runAt.isBefore(now.plus(settings.pollInterval()))) {
            WakeupOnCommit.register(jdbc, wakeups, settings.listenNotify(), runAt);
        }
        return Optional.ofNullable(id);
    }

    /** One job of {@link #enqueueAll}; its dedupe key is required, since the new IDs are told apart by it. */
    public record NewJob(Object payload, Instant runAt, String dedupeKey) {

        public NewJob {
            if (dedupeKey == null) {
                throw new IllegalArgumentException("A job enqueued with others needs a dedupe key");
            }
        }
    }

    /**
     * Adds jobs of one kind in one statement, each as {@link #enqueue} would (a dedupe key already taken is not
     * added again), waking the pollers at commit for the earliest due before the next poll.
     *
     * @return the new jobs' IDs by dedupe key; a key that was taken is absent
     */
    public Map<String, Long> enqueueAll(String kind, List<NewJob> jobs) {
        if (jobs.isEmpty()) {
            return Map.of();
        }
        Instant now = clock.instant();
        String[] payloads = jobs.stream().map(job -> json.writeValueAsString(job.payload())).toArray(String[]::new);
        String[] runAts = jobs.stream().map(job -> job.runAt().toString()).toArray(String[]::new);
        String[] keys = jobs.stream().map(NewJob::dedupeKey).toArray(String[]::new);
        Map<String, Long> ids = new HashMap<>();
        // Returned rows come in no promised order: each new ID is matched to its job by the dedupe key.
        jdbc.query("""
                INSERT INTO job (kind, payload, run_at, max_attempts, dedupe_key, created_at)
                SELECT ?, t.payload::jsonb, t.run_at::timestamptz, ?, t.dedupe_key, ?
                FROM unnest(?::text[], ?::text[], ?::text[]) AS t(payload, run_at, dedupe_key)
                ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
                RETURNING id, dedupe_key
                """, rs -> {
                    ids.put(rs.getString(2), rs.getLong(1));
                }, kind, settings.maxAttempts(), JobStore.ts(now), payloads, runAts, keys);
        jobs.stream().filter(job -> ids.containsKey(job.dedupeKey())).map(NewJob::runAt).min(Instant::compareTo)
                .filter(earliest -> earliest.isBefore(now.plus(settings.pollInterval())))
                .ifPresent(earliest -> WakeupOnCommit.register(jdbc, wakeups, settings.listenNotify(), earliest));
        return ids;
    }

    /** Cancels a job that has not started; a running or finished one is left alone. */
    public boolean cancel(long jobId) {
        return jdbc.update("UPDATE job SET status = 'cancelled', finished_at = ? WHERE id = ? AND status = 'pending'",
                JobStore.ts(clock.instant()), jobId) == 1;
    }
}
