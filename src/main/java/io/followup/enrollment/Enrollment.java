package io.followup.enrollment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.followup.text.ColumnText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A lead's run through a snapshot of its assistant's follow-up sequence. */
@Entity
@Table(name = "enrollment")
class Enrollment {

    public enum Status { ACTIVE, COMPLETED, STOPPED, FAILED }

    /** Size of {@code stop_reason} (V4__enrollments.sql); a test compares it with the schema. It holds provider errors, so it is cut to fit. */
    static final int MAX_STOP_REASON = 200;

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "assistant_id", nullable = false, updatable = false)
    private UUID assistantId;

    @Column(name = "lead_id", nullable = false, updatable = false)
    private String leadId;

    @Column(name = "channel_id", nullable = false, updatable = false)
    private String channelId;

    /** The lead's phone as E.164 with +, to match providers' inbound messages; null when the trigger gave none. */
    @Column(name = "lead_phone", updatable = false)
    private String leadPhone;

    /** The official channel's app (Gupshup app ID, or the config's app_id of a Meta channel); null when not official. */
    @Column(name = "app_id", updatable = false)
    private String appId;

    @Column(name = "config_id", nullable = false, updatable = false)
    private UUID configId;

    @Column(name = "status", nullable = false)
    @jakarta.persistence.Convert(converter = StatusConverter.class)
    private Status status;

    @Column(name = "stop_reason")
    private String stopReason;

    @Column(name = "trigger_status_id", nullable = false, updatable = false)
    private UUID triggerStatusId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "trigger_status_ids", nullable = false, updatable = false)
    private UUID[] triggerStatusIds;

    @Column(name = "triggered_at", nullable = false, updatable = false)
    private Instant triggeredAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "lead", nullable = false, updatable = false)
    private Map<String, String> lead;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "steps", nullable = false)
    private List<EnrollmentStep> steps;

    @Column(name = "current_step", nullable = false)
    private int currentStep;

    @Version
    private Long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected Enrollment() {
    }

    Enrollment(UUID tenantId, UUID assistantId, String leadId, String channelId, UUID configId, UUID triggerStatusId,
            List<UUID> triggerStatusIds, Instant triggeredAt, Map<String, String> lead, List<EnrollmentStep> steps, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.assistantId = assistantId;
        this.leadId = leadId;
        this.channelId = channelId;
        this.configId = configId;
        this.status = Status.ACTIVE;
        this.triggerStatusId = triggerStatusId;
        this.triggerStatusIds = triggerStatusIds.toArray(UUID[]::new);
        this.triggeredAt = triggeredAt;
        this.lead = Map.copyOf(lead);
        this.leadPhone = LeadEventValidator.normalisedPhone(lead.get("phone"));
        this.appId = steps.isEmpty() ? null : steps.get(0).appId();
        this.steps = new ArrayList<>(steps);
        this.currentStep = 1;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** An enrollment as {@link StepRows} read it; not managed by JPA, written back by {@link StepRows#update}. */
    Enrollment(StoredEnrollment row) {
        this.id = row.id();
        this.tenantId = row.tenantId();
        this.assistantId = row.assistantId();
        this.leadId = row.leadId();
        this.channelId = row.channelId();
        this.leadPhone = row.leadPhone();
        this.appId = row.appId();
        this.configId = row.configId();
        this.status = row.status();
        this.stopReason = row.stopReason();
        this.triggerStatusId = row.triggerStatusId();
        this.triggerStatusIds = row.triggerStatusIds();
        this.triggeredAt = row.triggeredAt();
        this.lead = row.lead();
        this.steps = new ArrayList<>(row.steps());
        this.currentStep = row.currentStep();
        this.createdAt = row.createdAt();
        this.updatedAt = row.updatedAt();
        this.finishedAt = row.finishedAt();
    }

    void scheduleCurrent(Instant due, long jobId) {
        replace(currentStep, current().scheduled(due, jobId));
    }

    void markSent(int number, Instant at, String providerMessageId) {
        replace(number, step(number).sent(at, providerMessageId));
    }

    void markSkipped(int number, String reason, Instant at) {
        replace(number, step(number).skipped(reason, at));
    }

    void markAttemptFailed(int number, String error, Instant at) {
        replace(number, step(number).attemptFailed(error));
        updatedAt = at;
    }

    /** The step failed for good; the enrollment ends with it. */
    void fail(int number, String error, Instant at) {
        replace(number, step(number).failed(error, at));
        finish(Status.FAILED, "Step " + number + " failed: " + error, at);
    }

    /** The provider refused the step because the lead opted out: the step fails with its words, the enrollment stops. */
    void refusedOptedOut(int number, String error, String reason, Instant at) {
        replace(number, step(number).failed(error, at));
        stop(reason, at);
    }

    /** Moves on after the current step; false when it was the last (the enrollment is then complete). */
    boolean advance(Instant at) {
        if (currentStep >= steps.size()) {
            finish(Status.COMPLETED, null, at);
            return false;
        }
        currentStep++;
        updatedAt = at;
        return true;
    }

    /** Stops the enrollment; returns the job of the step that will now not go out, if any. */
    Optional<Long> stop(String reason, Instant at) {
        Optional<Long> job = cancelRemaining(at);
        finish(Status.STOPPED, reason, at);
        return job;
    }

    /**
     * A provider's status about a sent step's message: the step as {@link StepDeliveryState} moved it. A failed one
     * fails the enrollment too (running or completed; a stopped one stays stopped), as a send failing for good does.
     * Returns the job of the step that will now not go out, if any.
     */
    Optional<Long> recordDelivery(EnrollmentStep updated, Instant at) {
        replace(updated.number(), updated);
        updatedAt = at;
        if (updated.state() != StepState.FAILED || status == Status.STOPPED || status == Status.FAILED) {
            return Optional.empty();
        }
        Optional<Long> job = cancelRemaining(at);
        finish(Status.FAILED, "Step " + updated.number() + " failed: " + updated.error(), at);
        return job;
    }

    /**
     * Puts a sent step back to be sent again ({@link StepResend}): it is the current step again, and a later step
     * already scheduled (its job cancelled by the caller) goes back to pending.
     */
    void putBack(EnrollmentStep resent, Instant at) {
        for (EnrollmentStep later : List.copyOf(steps.subList(resent.number(), steps.size()))) {
            if (later.state() == StepState.SCHEDULED) {
                replace(later.number(), later.backToPending());
            }
        }
        replace(resent.number(), resent);
        currentStep = resent.number();
        updatedAt = at;
    }

    private Optional<Long> cancelRemaining(Instant at) {
        Long job = null;
        for (EnrollmentStep step : List.copyOf(steps)) {
            if (step.state() == StepState.SCHEDULED || step.state() == StepState.PENDING) {
                job = step.state() == StepState.SCHEDULED ? step.jobId() : job;
                replace(step.number(), step.cancelled(at));
            }
        }
        return Optional.ofNullable(job);
    }

    private void finish(Status end, String reason, Instant at) {
        status = end;
        stopReason = ColumnText.fit(reason, MAX_STOP_REASON);
        finishedAt = at;
        updatedAt = at;
    }

    private void replace(int number, EnrollmentStep step) {
        steps.set(number - 1, step);
    }

    EnrollmentStep step(int number) {
        return steps.get(number - 1);
    }

    EnrollmentStep current() {
        return step(currentStep);
    }

    /** Whether step {@code number} is the running enrollment's current step and still waits for its job. */
    boolean isDue(int number) {
        return isActive() && currentStep == number && step(number).state() == StepState.SCHEDULED;
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    boolean isTrigger(UUID statusId) {
        return List.of(triggerStatusIds).contains(statusId);
    }

    public UUID getId() {
        return id;
    }

    public UUID getTenantId() {
        return tenantId;
    }

    public UUID getAssistantId() {
        return assistantId;
    }

    public String getLeadId() {
        return leadId;
    }

    public String getChannelId() {
        return channelId;
    }

    public UUID getConfigId() {
        return configId;
    }

    public Status getStatus() {
        return status;
    }

    public String getStopReason() {
        return stopReason;
    }

    public UUID getTriggerStatusId() {
        return triggerStatusId;
    }

    public Instant getTriggeredAt() {
        return triggeredAt;
    }

    public Map<String, String> getLead() {
        return lead;
    }

    public List<EnrollmentStep> getSteps() {
        return List.copyOf(steps);
    }

    public int getCurrentStep() {
        return currentStep;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    String getLeadPhone() {
        return leadPhone;
    }

    String getAppId() {
        return appId;
    }

    List<UUID> getTriggerStatusIds() {
        return List.of(triggerStatusIds);
    }

    /** Null until saved; Hibernate then starts it at 0, as {@link EnrollmentRows} does for the rows it inserts. */
    Long getVersion() {
        return version;
    }
}
