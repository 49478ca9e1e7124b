package io.followup.job;

import java.time.Instant;

/**
 * A job this instance holds the lease of.
 *
 * @param payload the JSON the job was enqueued with
 * @param attempt 1 on the first run, 2 on the first retry, ...
 */
public record ClaimedJob(long id, String kind, String payload, Instant runAt, int attempt, int maxAttempts) {

    public boolean isLastAttempt() {
        return attempt >= maxAttempts;
    }
}
