package io.followup.job;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.followup.text.ColumnText;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The job table's SQL. Every write after the claim names the lease owner, so an instance whose
 * lease expired (and whose job another instance took over) cannot overwrite the new run's outcome.
 */
@Repository
class JobStore {

    /** Sizes of {@code last_error} and {@code lease_owner} (V3__job_engine.sql); a test compares them with the schema. */
    static final int MAX_LAST_ERROR = 2000;
    static final int MAX_LEASE_OWNER = 100;

    /*
     * Plan-proof by construction: the statements are prepared once per connection and PostgreSQL then
     * plans them without their parameter values. The claimed IDs come as an array from an InitPlan, so
     * the update reads them by primary key (with "WHERE id IN (subquery)" the generic plan hashes the
     * subquery and scans the whole table for every claim); writes after the claim find a job by ID and
     * lease owner only, which is set exactly while a job runs (see the check constraint in V7), so no
     * plan can scan every running job through the lease index instead of using the primary key.
     */
    private static final String CLAIM = """
            UPDATE job SET status = 'running', attempts = attempts + 1, lease_owner = ?, lease_expires_at = ?, started_at = ?
            WHERE id = ANY (ARRAY (
                SELECT id FROM job WHERE status = 'pending' AND run_at <= ?
                ORDER BY run_at, id LIMIT ? FOR UPDATE SKIP LOCKED))
            RETURNING id, kind, payload::text AS payload, run_at, attempts, max_attempts
            """;

    private static final String SUCCEED_ALL = """
            UPDATE job SET status = 'succeeded', finished_at = ?, lease_owner = NULL, lease_expires_at = NULL, last_error = NULL
            WHERE id = ANY (?) AND lease_owner = ?
            RETURNING id
            """;

    private final JdbcTemplate jdbc;

    JobStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims up to {@code limit} due jobs for {@code owner} in one statement. */
    List<ClaimedJob> claim(String owner, Instant now, Instant leaseUntil, int limit) {
        return jdbc.query(CLAIM, JobStore::claimed, owner, ts(leaseUntil), ts(now), ts(now), limit);
    }

    /** Marks many jobs succeeded in one statement; returns the IDs whose lease this owner still held. */
    List<Long> succeedAll(List<Long> ids, String owner, Instant now) {
        return jdbc.execute((ConnectionCallback<List<Long>>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SUCCEED_ALL)) {
                statement.setObject(1, ts(now));
                statement.setArray(2, connection.createArrayOf("bigint", ids.toArray()));
                statement.setString(3, owner);
                List<Long> updated = new ArrayList<>(ids.size());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        updated.add(rows.getLong(1));
                    }
                }
                return updated;
            }
        });
    }

    boolean retry(long id, String owner, Instant runAt, String error) {
        return jdbc.update("""
                UPDATE job SET status = 'pending', run_at = ?, lease_owner = NULL, lease_expires_at = NULL, last_error = ?
                WHERE id = ? AND lease_owner = ?
                """, ts(runAt), lastError(error), id, owner) == 1;
    }

    /** Puts a job back to run at {@code runAt}, giving back the attempt its claim used. */
    boolean defer(long id, String owner, Instant runAt) {
        return jdbc.update("""
                UPDATE job SET status = 'pending', run_at = ?, attempts = attempts - 1, lease_owner = NULL, lease_expires_at = NULL
                WHERE id = ? AND lease_owner = ?
                """, ts(runAt), id, owner) == 1;
    }

    boolean fail(long id, String owner, Instant now, String error) {
        return jdbc.update("""
                UPDATE job SET status = 'failed', finished_at = ?, lease_owner = NULL, lease_expires_at = NULL, last_error = ?
                WHERE id = ? AND lease_owner = ?
                """, ts(now), lastError(error), id, owner) == 1;
    }

    /** Hands this owner's unfinished jobs back (shutdown); the attempt they used is given back too. */
    int release(String owner) {
        return jdbc.update("""
                UPDATE job SET status = 'pending', attempts = greatest(attempts - 1, 0), lease_owner = NULL, lease_expires_at = NULL
                WHERE status = 'running' AND lease_owner = ?
                """, owner);
    }

    /** Makes jobs whose lease ran out (their instance died or hung) claimable again. */
    int reapExpiredLeases(Instant now) {
        return jdbc.update("""
                UPDATE job SET status = 'pending', lease_owner = NULL, lease_expires_at = NULL,
                       last_error = coalesce(last_error, 'lease expired')
                WHERE status = 'running' AND lease_expires_at < ?
                """, ts(now));
    }

    /** When the earliest pending job is due, if any (read from the partial index of pending jobs). */
    Optional<Instant> nextDueAt() {
        List<OffsetDateTime> next = jdbc.queryForList(
                "SELECT run_at FROM job WHERE status = 'pending' ORDER BY run_at, id LIMIT 1", OffsetDateTime.class);
        return next.stream().findFirst().map(OffsetDateTime::toInstant);
    }

    long countDue(Instant now) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM job WHERE status = 'pending' AND run_at <= ?", Long.class, ts(now));
        return count == null ? 0 : count;
    }

    /** Deletes up to {@code limit} jobs that finished before {@code cutoff}. */
    int deleteFinishedBefore(Instant cutoff, int limit) {
        return jdbc.update("""
                DELETE FROM job WHERE id IN (
                    SELECT id FROM job WHERE status IN ('succeeded', 'failed', 'cancelled') AND finished_at < ? LIMIT ?)
                """, ts(cutoff), limit);
    }

    static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A handler's error is outside text (a provider's answer, an exception's message): cut to the column. */
    static String lastError(String error) {
        return ColumnText.fit(error, MAX_LAST_ERROR);
    }

    /** An instance's lease name: its host's (up to 253 characters) cut to fit the column; the UUID keeps owners apart. */
    static String leaseOwner(String host, UUID instance) {
        String suffix = "/" + instance;
        return ColumnText.fit(host, MAX_LEASE_OWNER - suffix.length()) + suffix;
    }

    private static ClaimedJob claimed(ResultSet rs, int row) throws SQLException {
        return new ClaimedJob(rs.getLong("id"), rs.getString("kind"), rs.getString("payload"),
                rs.getObject("run_at", OffsetDateTime.class).toInstant(), rs.getInt("attempts"), rs.getInt("max_attempts"));
    }
}
