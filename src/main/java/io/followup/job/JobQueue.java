package io.followup.job;

import java.time.Clock;
import java.time.Instant;
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

    /** Cancels a job that has not started; a running or finished one is left alone. */
    public boolean cancel(long jobId) {
        return jdbc.update("UPDATE job SET status = 'cancelled', finished_at = ? WHERE id = ? AND status = 'pending'",
                JobStore.ts(clock.instant()), jobId) == 1;
    }
}
