package io.followup.collections;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A follow-up activity (call, email, letter...) logged or scheduled against a debt. */
@Entity
@Table(name = "debt_followup")
class DebtFollowup {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "company_id", nullable = false, updatable = false)
    private String companyId;

    @Column(name = "debt_id", nullable = false, updatable = false)
    private Long debtId;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false)
    private FollowupType type;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private FollowupStatus status;

    @Column(name = "call_date")
    private Instant callDate;

    @Column(name = "scheduled_at")
    private Instant scheduledAt;

    private String summary;

    private String notes;

    @Column(name = "call_id")
    private String callId;

    @Column(name = "audio_url")
    private String audioUrl;

    @Column(name = "pdf_url")
    private String pdfUrl;

    @Column(name = "duration_ms")
    private Long durationMs;

    @Column(name = "phone_number_used")
    private String phoneNumberUsed;

    @Enumerated(EnumType.STRING)
    private CallDirection direction;

    @Column(name = "disconnection_reason")
    private String disconnectionReason;

    @Column(name = "is_retry", nullable = false)
    private boolean retry;

    @Column(name = "processed_at", nullable = false)
    private Instant processedAt;

    @Column(name = "triggered_payment", nullable = false)
    private boolean triggeredPayment;

    @Column(name = "email_open_count", nullable = false)
    private int emailOpenCount;

    @Column(name = "email_first_opened_at")
    private Instant emailFirstOpenedAt;

    @Column(name = "email_click_count", nullable = false)
    private int emailClickCount;

    @Column(name = "media_urls_expire_at")
    private Instant mediaUrlsExpireAt;

    @Version
    private Long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected DebtFollowup() {
    }

    /**
     * A new activity; status defaults to {@code on_hold} and is_retry to false, as the seed says; type to
     * {@code call} (GetBill requires only debt_id; its example and most of its fields are a call's).
     */
    DebtFollowup(String companyId, long debtId, DebtFollowupChanges values, Instant now) {
        this.companyId = companyId;
        this.debtId = debtId;
        this.status = FollowupStatus.ON_HOLD;
        this.type = FollowupType.CALL;
        this.createdAt = now;
        apply(values, now);
    }

    /** Applies every given value; absent ones keep theirs. */
    void apply(DebtFollowupChanges values, Instant now) {
        type = values.type() != null ? values.type() : type;
        status = values.status() != null ? values.status() : status;
        callDate = values.callDate() != null ? values.callDate() : callDate;
        scheduledAt = values.scheduledAt() != null ? values.scheduledAt() : scheduledAt;
        summary = values.summary() != null ? values.summary() : summary;
        notes = values.notes() != null ? values.notes() : notes;
        callId = values.callId() != null ? values.callId() : callId;
        audioUrl = values.audioUrl() != null ? values.audioUrl() : audioUrl;
        pdfUrl = values.pdfUrl() != null ? values.pdfUrl() : pdfUrl;
        durationMs = values.durationMs() != null ? values.durationMs() : durationMs;
        phoneNumberUsed = values.phoneNumberUsed() != null ? values.phoneNumberUsed() : phoneNumberUsed;
        direction = values.direction() != null ? values.direction() : direction;
        disconnectionReason = values.disconnectionReason() != null ? values.disconnectionReason() : disconnectionReason;
        retry = values.isRetry() != null ? values.isRetry() : retry;
        triggeredPayment = values.triggeredPayment() != null ? values.triggeredPayment() : triggeredPayment;
        emailOpenCount = values.emailOpenCount() != null ? values.emailOpenCount() : emailOpenCount;
        emailFirstOpenedAt = values.emailFirstOpenedAt() != null ? values.emailFirstOpenedAt() : emailFirstOpenedAt;
        emailClickCount = values.emailClickCount() != null ? values.emailClickCount() : emailClickCount;
        mediaUrlsExpireAt = values.mediaUrlsExpireAt() != null ? values.mediaUrlsExpireAt() : mediaUrlsExpireAt;
        processedAt = now;
        updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getCompanyId() {
        return companyId;
    }

    public Long getDebtId() {
        return debtId;
    }

    public FollowupType getType() {
        return type;
    }

    public FollowupStatus getStatus() {
        return status;
    }

    public Instant getCallDate() {
        return callDate;
    }

    public Instant getScheduledAt() {
        return scheduledAt;
    }

    public String getSummary() {
        return summary;
    }

    public String getNotes() {
        return notes;
    }

    public String getCallId() {
        return callId;
    }

    public String getAudioUrl() {
        return audioUrl;
    }

    public String getPdfUrl() {
        return pdfUrl;
    }

    public Long getDurationMs() {
        return durationMs;
    }

    public String getPhoneNumberUsed() {
        return phoneNumberUsed;
    }

    public CallDirection getDirection() {
        return direction;
    }

    public String getDisconnectionReason() {
        return disconnectionReason;
    }

    public boolean isRetry() {
        return retry;
    }

    public Instant getProcessedAt() {
        return processedAt;
    }

    public boolean isTriggeredPayment() {
        return triggeredPayment;
    }

    /** Opened at least once: the count says so, so the two never disagree. */
    public boolean isEmailOpened() {
        return emailOpenCount > 0;
    }

    public int getEmailOpenCount() {
        return emailOpenCount;
    }

    public Instant getEmailFirstOpenedAt() {
        return emailFirstOpenedAt;
    }

    /** Clicked at least once: the count says so. */
    public boolean isEmailClicked() {
        return emailClickCount > 0;
    }

    public int getEmailClickCount() {
        return emailClickCount;
    }

    public Instant getMediaUrlsExpireAt() {
        return mediaUrlsExpireAt;
    }
}
