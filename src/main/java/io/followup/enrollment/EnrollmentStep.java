package io.followup.enrollment;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.followup.delivery.DeliveryChannel;
import io.followup.delivery.StepDelivery;
import io.followup.text.ColumnText;

/**
 * One step of an enrollment as stored in its {@code steps} jsonb: a snapshot of the configured step (the
 * configuration may change or go away; this does not) and its delivery state. Times are ISO 8601 text so the
 * stored JSON reads the same whichever JSON library the persistence layer uses. The API shows it as
 * {@link EnrollmentStepResponse}.
 *
 * @param source {@code steps} (AI) or {@code official_steps}
 * @param appId the official channel's app when the lead's channel is official, else null
 * @param channel how the step is sent, decided when the lead was enrolled; null in snapshots stored before
 *        the field existed (see {@link StepPlanner#channelOf}) and for a step no channel can send
 * @param providerMessageId the ID the provider gave the sent message, to match its delivery statuses
 * @param deliveredAt when the provider said the message reached the lead's phone (a read implies it)
 * @param readAt when the provider said the lead read it
 * @param providerErrorCode the provider's code of an asynchronous failure (Meta 131026, Gupshup 1002, ...)
 * @param templateHeader the media of a template with a media header, or null (also in snapshots stored before it existed)
 * @param resends how many times a provider's failed status about a throttled or capped message put the step back to be
 *        sent again ({@link StepResend}); 0 in snapshots stored before it existed
 */
public record EnrollmentStep(
        int number,
        String source,
        String interval,
        String prompt,
        @JsonProperty("template_name") String templateName,
        @JsonProperty("template_language") String templateLanguage,
        @JsonProperty("template_params") List<String> templateParams,
        @JsonProperty("app_id") String appId,
        DeliveryChannel channel,
        StepState state,
        @JsonProperty("due_at") String dueAt,
        @JsonProperty("sent_at") String sentAt,
        @JsonProperty("finished_at") String finishedAt,
        String error,
        @JsonProperty("job_id") Long jobId,
        @JsonProperty("provider_message_id") String providerMessageId,
        @JsonProperty("delivered_at") String deliveredAt,
        @JsonProperty("read_at") String readAt,
        @JsonProperty("provider_error_code") String providerErrorCode,
        @JsonProperty("template_header") StepDelivery.MediaHeader templateHeader,
        int resends) {

    /** Longest error kept in the snapshot: jsonb has no size, but the answer showing it should have one (job.last_error's). */
    static final int MAX_ERROR = 2000;

    /** Longest provider error code kept; codes are short numbers, a longer one is cut rather than stored whole. */
    static final int MAX_ERROR_CODE = 40;

    /** Every error, a provider's answer included, is cut here, so the snapshot is always storable. */
    public EnrollmentStep {
        error = ColumnText.fit(error, MAX_ERROR);
        providerErrorCode = ColumnText.fit(providerErrorCode, MAX_ERROR_CODE);
    }

    static EnrollmentStep planned(int number, String source, String interval, String prompt, String templateName,
            String templateLanguage, List<String> templateParams, String appId, DeliveryChannel channel) {
        return planned(number, source, interval, prompt, templateName, templateLanguage, templateParams, appId, channel, null);
    }

    static EnrollmentStep planned(int number, String source, String interval, String prompt, String templateName,
            String templateLanguage, List<String> templateParams, String appId, DeliveryChannel channel,
            StepDelivery.MediaHeader templateHeader) {
        return new EnrollmentStep(number, source, interval, prompt, templateName, templateLanguage,
                templateParams == null ? List.of() : List.copyOf(templateParams), appId, channel, StepState.PENDING,
                null, null, null, null, null, null, null, null, null, templateHeader, 0);
    }

    EnrollmentStep scheduled(Instant due, long job) {
        return with(StepState.SCHEDULED, due.toString(), sentAt, finishedAt, error, job, providerMessageId);
    }

    EnrollmentStep sent(Instant at, String messageId) {
        return with(StepState.SENT, dueAt, at.toString(), at.toString(), null, jobId, messageId);
    }

    EnrollmentStep skipped(String reason, Instant at) {
        return with(StepState.SKIPPED, dueAt, null, at.toString(), reason, jobId, providerMessageId);
    }

    EnrollmentStep failed(String reason, Instant at) {
        return with(StepState.FAILED, dueAt, null, at.toString(), reason, jobId, providerMessageId);
    }

    EnrollmentStep cancelled(Instant at) {
        return with(StepState.CANCELLED, dueAt, null, at.toString(), error, jobId, providerMessageId);
    }

    /** A failed attempt that will be retried: the step stays scheduled and shows the last error. */
    EnrollmentStep attemptFailed(String reason) {
        return with(state, dueAt, sentAt, finishedAt, reason, jobId, providerMessageId);
    }

    @JsonIgnore
    boolean isTemplate() {
        return templateName != null;
    }

    @JsonIgnore
    boolean isOnOfficialChannel() {
        return appId != null;
    }

    private EnrollmentStep with(StepState newState, String due, String sent, String finished, String newError, Long job,
            String messageId) {
        return new EnrollmentStep(number, source, interval, prompt, templateName, templateLanguage, templateParams, appId,
                channel, newState, due, sent, finished, newError, job, messageId, deliveredAt, readAt, providerErrorCode,
                templateHeader, resends);
    }

    /** This step with what a provider's status callback said about its message; see {@link StepDeliveryState}. */
    EnrollmentStep withDelivery(StepState newState, String delivered, String read, String finished, String newError,
            String errorCode) {
        return new EnrollmentStep(number, source, interval, prompt, templateName, templateLanguage, templateParams, appId,
                channel, newState, dueAt, sentAt, finished, newError, jobId, providerMessageId, delivered, read, errorCode,
                templateHeader, resends);
    }

    /**
     * The step put back to be sent again after its message failed: scheduled as a new job, its error what the provider
     * said. It keeps the failed message's ID, so a late status of that message is known for what it is; the re-send's
     * ID replaces it once the provider accepts the re-send.
     */
    EnrollmentStep resendScheduled(Instant due, long job, String reason, int newResends) {
        return new EnrollmentStep(number, source, interval, prompt, templateName, templateLanguage, templateParams, appId,
                channel, StepState.SCHEDULED, due.toString(), null, null, reason, job, providerMessageId, null, null, null,
                templateHeader, newResends);
    }

    /**
     * A later step that was scheduled, back to pending because the step before it is sent again. It keeps the ID of its
     * cancelled job, which gives its next job a dedupe key of its own ({@link StepResend#jobKey}).
     */
    EnrollmentStep backToPending() {
        return new EnrollmentStep(number, source, interval, prompt, templateName, templateLanguage, templateParams, appId,
                channel, StepState.PENDING, null, null, null, null, jobId, null, null, null, null, templateHeader, resends);
    }
}
