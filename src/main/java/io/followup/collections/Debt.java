package io.followup.collections;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A debt of one company's debtor, which follow-up activities belong to. */
@Entity
@Table(name = "debt")
public class Debt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "company_id", nullable = false, updatable = false)
    private String companyId;

    @Column(name = "debtor_id", nullable = false)
    private long debtorId;

    @Embedded
    private DebtFields fields;

    @Column(name = "status", nullable = false)
    private String status;

    @Column(name = "last_timeline_restart")
    private Instant lastTimelineRestart;

    @Version
    private Long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Debt() {
    }

    Debt(String companyId, long debtorId, DebtFields fields, Instant now) {
        this.companyId = companyId;
        this.debtorId = debtorId;
        this.fields = fields;
        this.status = DebtStatus.PENDING.column();
        this.createdAt = now;
        this.updatedAt = now;
    }

    void update(DebtFields changed, DebtStatus newStatus, Instant now) {
        this.fields = changed;
        if (newStatus != null) {
            this.status = newStatus.column();
        }
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getCompanyId() {
        return companyId;
    }

    long getDebtorId() {
        return debtorId;
    }

    DebtFields fields() {
        return fields;
    }

    DebtStatus status() {
        return DebtStatus.ofColumn(status);
    }

    Instant getLastTimelineRestart() {
        return lastTimelineRestart;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
