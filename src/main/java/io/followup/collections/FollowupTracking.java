package io.followup.collections;

import java.time.Instant;

import io.followup.web.FieldErrors;

/**
 * The tracking fields of a follow-up as they will be once a create or update is applied, checked for
 * agreement: {@code email_opened} iff {@code email_open_count > 0}, {@code email_clicked} iff
 * {@code email_click_count > 0}, {@code email_first_opened_at} only with opens, {@code media_urls_expire_at}
 * only with a media URL. A contradiction is reported under the field the body sent (the stored values are
 * right by the same rules), so an update of one field is judged with the others as stored.
 */
final class FollowupTracking {

    static final String OPENED_DISAGREES = "email_opened must be true when email_open_count is above 0 and false when it is 0";
    static final String CLICKED_DISAGREES = "email_clicked must be true when email_click_count is above 0 and false when it is 0";
    static final String FIRST_OPEN_WITHOUT_OPENS = "email_first_opened_at needs email_open_count above 0";
    static final String OPENS_CLEARED = "email_open_count cannot be 0 while email_first_opened_at is set";
    static final String EXPIRY_WITHOUT_MEDIA = "media_urls_expire_at needs an audio_url or a pdf_url";

    private FollowupTracking() {
    }

    /** @param current the stored follow-up, or null on create */
    static void check(DebtFollowupChanges values, DebtFollowup current, FieldErrors errors) {
        int opens = or(values.emailOpenCount(), current == null ? 0 : current.getEmailOpenCount());
        int clicks = or(values.emailClickCount(), current == null ? 0 : current.getEmailClickCount());
        Instant firstOpen = or(values.emailFirstOpenedAt(), current == null ? null : current.getEmailFirstOpenedAt());
        boolean media = or(values.audioUrl(), current == null ? null : current.getAudioUrl()) != null
                || or(values.pdfUrl(), current == null ? null : current.getPdfUrl()) != null;
        Instant expiry = or(values.mediaUrlsExpireAt(), current == null ? null : current.getMediaUrlsExpireAt());

        // A negative count is already refused on its own; nothing is judged against it.
        boolean opensKnown = opens >= 0;
        if (opensKnown && values.emailOpened() != null && values.emailOpened() != (opens > 0)) {
            errors.add("email_opened", OPENED_DISAGREES);
        }
        if (clicks >= 0 && values.emailClicked() != null && values.emailClicked() != (clicks > 0)) {
            errors.add("email_clicked", CLICKED_DISAGREES);
        }
        if (opensKnown && firstOpen != null && opens == 0) {
            errors.add(values.emailFirstOpenedAt() != null ? "email_first_opened_at" : "email_open_count",
                    values.emailFirstOpenedAt() != null ? FIRST_OPEN_WITHOUT_OPENS : OPENS_CLEARED);
        }
        if (expiry != null && !media) {
            errors.add("media_urls_expire_at", EXPIRY_WITHOUT_MEDIA);
        }
    }

    private static <T> T or(T given, T stored) {
        return given != null ? given : stored;
    }
}
