package io.followup.job;

import java.util.function.IntUnaryOperator;

/**
 * Deletes a backlog a bounded batch at a time until a batch comes back short, so that no one
 * statement locks, logs or vacuums the whole backlog at once. For the cleanup tasks of any feature.
 */
public final class BatchDeletes {

    private BatchDeletes() {
    }

    /**
     * Calls {@code deleteBatch} with {@code batchSize} (it deletes at most that many rows and says how
     * many it deleted) until it deletes fewer; returns the total deleted.
     */
    public static int untilShort(int batchSize, IntUnaryOperator deleteBatch) {
        int total = 0;
        int deleted;
        do {
            deleted = deleteBatch.applyAsInt(batchSize);
            total += deleted;
        }
        while (deleted == batchSize);
        return total;
    }
}
