package io.followup.config;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A tenant's follow-up sequence for one assistant. */
@Entity
@Table(name = "followup_config")
class FollowupConfig {

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "assistant_id", nullable = false, updatable = false)
    private UUID assistantId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "trigger_status_ids", nullable = false)
    private UUID[] triggerStatusIds;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "steps", nullable = false)
    private List<Step> steps;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "official_steps", nullable = false)
    private List<OfficialChannelSteps> officialSteps;

    @Column(name = "is_active", nullable = false)
    private boolean active;

    @Version
    private Long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected FollowupConfig() {
    }

    FollowupConfig(UUID tenantId, UUID assistantId, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.assistantId = assistantId;
        this.active = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void defineSequence(List<UUID> triggerStatusIds, List<Step> steps, List<OfficialChannelSteps> officialSteps) {
        this.triggerStatusIds = triggerStatusIds.toArray(UUID[]::new);
        this.steps = new ArrayList<>(steps);
        this.officialSteps = new ArrayList<>(officialSteps);
    }

    void setActive(boolean active) {
        this.active = active;
    }

    void touch(Instant now) {
        this.updatedAt = now;
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

    public List<UUID> getTriggerStatusIds() {
        return List.of(triggerStatusIds);
    }

    public List<Step> getSteps() {
        return List.copyOf(steps);
    }

    public List<OfficialChannelSteps> getOfficialSteps() {
        return List.copyOf(officialSteps);
    }

    public boolean isActive() {
        return active;
    }

    public long getVersion() {
        return version == null ? 0 : version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
