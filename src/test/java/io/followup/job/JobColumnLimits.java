package io.followup.job;

import java.util.Map;

/** The job table's cut sizes by their column, for {@code io.followup.ColumnLengthsIntegrationTests}. */
public final class JobColumnLimits {

    /** Columns of text from outside (handler errors, the host's name), to the size it is cut to. */
    public static final Map<String, Integer> CUT = Map.of(
            "job.last_error", JobStore.MAX_LAST_ERROR,
            "job.lease_owner", JobStore.MAX_LEASE_OWNER);

    private JobColumnLimits() {
    }
}
