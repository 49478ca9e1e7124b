package io.followup.job;

/**
 * Runs the jobs of one kind. Implementations are Spring beans; the engine finds them by
 * {@link #kind()}, so a new kind needs no change to the engine.
 */
public interface JobHandler {

    String kind();

    /**
     * Does the job. Returning normally marks it succeeded. Throwing {@link JobFailure#permanent}
     * fails it for good; any other exception retries it with backoff until its attempts run out.
     * A job may run more than once (after a crash), so handlers must be idempotent.
     */
    void handle(ClaimedJob job) throws Exception;

    /** Called once when the job has failed for good, to record that in the domain. */
    default void onFailed(ClaimedJob job, String error) {
    }
}
