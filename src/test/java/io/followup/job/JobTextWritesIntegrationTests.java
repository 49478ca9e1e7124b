package io.followup.job;

import java.time.Instant;
import java.util.UUID;

import io.followup.support.IntegrationTest;
import io.followup.text.ColumnText;
import io.followup.text.WorstTexts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job table's writes of outside text (a handler's error, the host's name in the lease owner), with the
 * worst texts there are, read back from PostgreSQL. The jobs are of a kind no handler runs, due far ahead.
 */
class JobTextWritesIntegrationTests extends IntegrationTest {

    private static final Instant FAR = Instant.parse("2999-01-01T00:00:00Z");

    @Autowired
    private JobStore store;

    @Test
    void retryAndFailureKeepTheErrorCutToTheColumn() {
        WorstTexts.forSize(JobStore.MAX_LAST_ERROR).forEach((kind, text) -> {
            String owner = JobStore.leaseOwner("test-host", UUID.randomUUID());
            long id = runningJob(owner);

            assertThat(store.retry(id, owner, FAR, text)).as(kind).isTrue();
            assertThat(lastError(id)).as(kind).isEqualTo(ColumnText.fit(text, JobStore.MAX_LAST_ERROR));

            jdbc.update("UPDATE job SET status = 'running', lease_owner = ?, lease_expires_at = ? WHERE id = ?", owner, JobStore.ts(FAR), id);
            assertThat(store.fail(id, owner, Instant.now(), "again: " + text)).as(kind).isTrue();
            assertThat(lastError(id)).as(kind).isEqualTo(ColumnText.fit("again: " + text, JobStore.MAX_LAST_ERROR));
            jdbc.update("DELETE FROM job WHERE id = ?", id);
        });
    }

    /** A host name may have 253 characters; the owner must still fit, and stay unique by its UUID. */
    @Test
    void longHostNamesStillMakeStorableDistinctOwners() {
        String host = "node-" + "ä".repeat(120) + ".example.internal.cluster.local." + "x".repeat(100);
        String first = JobStore.leaseOwner(host, UUID.randomUUID());
        String second = JobStore.leaseOwner(host, UUID.randomUUID());

        assertThat(first).isNotEqualTo(second).startsWith("node-ää");
        assertThat(first.codePointCount(0, first.length())).isLessThanOrEqualTo(JobStore.MAX_LEASE_OWNER);
        long id = runningJob(first);
        assertThat(jdbc.queryForObject("SELECT lease_owner FROM job WHERE id = ?", String.class, id)).isEqualTo(first);
        assertThat(store.fail(id, first, Instant.now(), "done")).isTrue();
        jdbc.update("DELETE FROM job WHERE id = ?", id);
    }

    @Test
    void shortHostNamesAreKeptWhole() {
        UUID instance = UUID.randomUUID();

        assertThat(JobStore.leaseOwner("app-7f9c", instance)).isEqualTo("app-7f9c/" + instance);
    }

    private long runningJob(String owner) {
        Long id = jdbc.queryForObject("""
                INSERT INTO job (kind, payload, run_at, status, attempts, max_attempts, lease_owner, lease_expires_at, created_at)
                VALUES ('test.texts', '{}'::jsonb, ?, 'running', 1, 3, ?, ?, now()) RETURNING id
                """, Long.class, JobStore.ts(FAR), owner, JobStore.ts(FAR));
        return id == null ? -1 : id;
    }

    private String lastError(long id) {
        return jdbc.queryForObject("SELECT last_error FROM job WHERE id = ?", String.class, id);
    }
}
