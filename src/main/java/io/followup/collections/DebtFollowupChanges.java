package io.followup.collections;

import java.time.Instant;

/**
 * Validated, typed values of a follow-up create or update (the debt is set once, at creation). A null field was not given: on create it
 * takes its default, on update it keeps the stored value. {@code emailOpened} and {@code emailClicked} are not stored (the counts
 * say them); they are only checked against the counts ({@link FollowupTracking}).
 */
record DebtFollowupChanges(
        FollowupType type,
        FollowupStatus status,
        Instant callDate,
        Instant scheduledAt,
        String summary,
        String notes,
        String callId,
        String audioUrl,
        String pdfUrl,
        Long durationMs,
        String phoneNumberUsed,
        CallDirection direction,
        String disconnectionReason,
        Boolean isRetry,
        Boolean triggeredPayment,
        Boolean emailOpened,
        Integer emailOpenCount,
        Instant emailFirstOpenedAt,
        Boolean emailClicked,
        Integer emailClickCount,
        Instant mediaUrlsExpireAt) {
}
